// The current view as a picture: PNG from what sigma drew (its canvases
// laid on white), SVG drawn anew from the shown entities and relations at
// their place on screen, with the legend. Nothing here reads the network.

import { placeLabels } from "./labels.js";

const SVG_NS = "http://www.w3.org/2000/svg";

// Sigma's layers (edges, nodes, labels, ...) composed into one PNG. They
// are read right after a synchronous render, while WebGL's drawing buffer
// still holds the frame.
export function viewAsPng(renderer) {
  renderer.refresh();
  const canvases = renderer.getCanvases();
  const first = Object.values(canvases)[0];
  const out = document.createElement("canvas");
  out.width = first.width;
  out.height = first.height;
  const context = out.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, out.width, out.height);
  for (const canvas of Object.values(canvases)) context.drawImage(canvas, 0, 0, out.width, out.height);
  return out.toDataURL("image/png");
}

function element(name, attributes, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// `look(kind, key)` gives the displayed attributes (colour, size, label,
// hidden) of a node or edge as the renderer's reducers make them.
export function viewAsSvg(renderer, graph, legend) {
  const { width, height } = renderer.getDimensions();
  const svg = element("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  svg.appendChild(element("rect", { width, height, fill: "#ffffff" }));
  const edges = element("g", { "stroke-linecap": "round" });
  const nodes = element("g", {});
  const labels = element("g", { "font-family": "sans-serif", "font-size": 12, fill: "#1F2933", stroke: "#ffffff",
                                 "stroke-width": 3, "stroke-opacity": 0.85, "stroke-linejoin": "round", "paint-order": "stroke" });
  graph.forEachEdge((edge, attributes, source, target) => {
    const shown = renderer.getEdgeDisplayData(edge);
    if (!shown || shown.hidden) return;
    const a = renderer.framedGraphToViewport(renderer.getNodeDisplayData(source));
    const b = renderer.framedGraphToViewport(renderer.getNodeDisplayData(target));
    edges.appendChild(element("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: shown.color,
                                        "stroke-width": Math.max(0.5, shown.size) }));
  });
  // Labels as the page writes them: none over another (labels.js).
  const candidates = [];
  graph.forEachNode((node) => {
    const shown = renderer.getNodeDisplayData(node);
    if (!shown || shown.hidden) return;
    const p = renderer.framedGraphToViewport(shown);
    const r = renderer.scaleSize(shown.size);
    nodes.appendChild(element("circle", { cx: p.x, cy: p.y, r, fill: shown.color }));
    if (shown.label && (shown.forceLabel || shown.highlighted || r >= 6))
      candidates.push({ label: shown.label, x: p.x, y: p.y, size: r,
                        rank: (shown.highlighted ? 0 : shown.forceLabel ? 1e6 : 2e6) - r });
  });
  const settings = { ...renderer.getSettings(), labelSize: 12 };
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = `${settings.labelSize}px sans-serif`;
  for (const l of placeLabels(measure, candidates, settings, width, height))
    labels.appendChild(element("text", { x: l.left, y: l.baseline }, l.label));
  svg.append(edges, nodes, labels);
  const key = element("g", { "font-family": "sans-serif", "font-size": 11, fill: "#1F2933" });
  legend.forEach((entry, i) => {
    const y = height - 16 * (legend.length - i);
    if (entry.line) key.appendChild(element("line", { x1: 10, y1: y, x2: 26, y2: y, stroke: entry.color, "stroke-width": 2 }));
    else key.appendChild(element("circle", { cx: 18, cy: y, r: 5, fill: entry.color }));
    key.appendChild(element("text", { x: 32, y: y + 4 }, entry.name));
  });
  svg.appendChild(key);
  return new XMLSerializer().serializeToString(svg);
}

// Saves `url` (a data: or blob: address) under `name`.
export function download(url, name) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
