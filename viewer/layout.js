// The optional live layout: ForceAtlas2 (graphology-layout-forceatlas2)
// run in a web worker, so the page stays responsive while entities move.
// The page opens on irkg's sfdp positions; this only starts when asked, and
// those positions can always be had back.
//
// The worker's script comes from a blob: address the page makes itself
// (the page's Content-Security-Policy allows workers from blob: and nothing
// else); nothing is fetched.
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";

export function liveLayout(graph) {
  const original = new Map();
  graph.forEachNode((node, a) => original.set(node, [a.x, a.y]));
  let layout = null;  // made on first start: a worker costs nothing until asked for

  return {
    running: () => Boolean(layout && layout.isRunning()),
    start() {
      if (!layout) layout = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
      layout.start();
    },
    stop() {
      if (layout) layout.stop();
    },
    // Stops and puts every entity back where sfdp placed it.
    restore() {
      if (layout) layout.stop();
      graph.updateEachNodeAttributes((node, a) => {
        const [x, y] = original.get(node);
        return { ...a, x, y };
      }, { attributes: ["x", "y"] });
    },
  };
}
