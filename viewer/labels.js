// Entity labels that never overlap. Sigma picks the labels of a frame cell
// by cell of its label grid, so two long names in neighbouring cells are
// written over each other. Here sigma's label drawer only collects them;
// after the frame they are drawn most important first (the selected entity,
// then forced labels, then the biggest discs), each right of its disc as
// sigma puts it, else left, above or below, wherever it overlaps no label
// already drawn and stays on the canvas; one with no such place is left
// out. They have a white halo. The hovered entity's label is sigma's own.

// The boxes a label may take on screen: right of the disc first, as
// sigma's own drawer places it, then left, above, below.
function labelBoxes(context, label, x, y, size, settings) {
  const width = context.measureText(label).width;
  const height = settings.labelSize;
  const box = (left, middle) => ({ left, right: left + width, top: middle - height / 2 - 1, bottom: middle + height / 2 + 1 });
  return [box(x + size + 3, y), box(x - size - 3 - width, y),
          box(x - width / 2, y - size - 2 - height / 2), box(x - width / 2, y + size + 2 + height / 2)];
}

function overlaps(a, b) {
  const gap = 2;
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

// Of `labels` ({label, x, y, size, rank}, rank smaller first), those that
// can be written without overlapping one written before and within
// `width` x `height`, each with its place: {...label, left, baseline}.
export function placeLabels(context, labels, settings, width, height) {
  const placed = [];
  const boxes = [];
  const inside = (b) => b.left >= 0 && b.right <= width && b.top >= 0 && b.bottom <= height;
  for (const l of [...labels].sort((a, b) => a.rank - b.rank)) {
    const box = labelBoxes(context, l.label, l.x, l.y, l.size, settings)
      .find((b) => inside(b) && !boxes.some((other) => overlaps(b, other)));
    if (!box) continue;
    boxes.push(box);
    placed.push({ ...l, left: box.left, baseline: (box.top + box.bottom) / 2 + settings.labelSize / 3 });
  }
  return placed;
}

function labelFont(settings) {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

// Installs the collecting drawer on `renderer` (a sigma instance).
export function drawLabelsApart(renderer) {
  let pending = [];
  let context = null;
  renderer.setSetting("defaultDrawNodeLabel", (ctx, data) => {
    if (!data.label) return;
    context = ctx;
    pending.push({ label: data.label, x: data.x, y: data.y, size: data.size,
                   rank: (data.highlighted ? 0 : data.forceLabel ? 1e6 : 2e6) - data.size });
  });
  renderer.on("beforeRender", () => { pending = []; });
  renderer.on("afterRender", () => {
    if (!context || !pending.length) return;
    const settings = renderer.getSettings();
    context.font = labelFont(settings);
    context.fillStyle = settings.labelColor.color || "#000";
    // A white halo keeps a label readable where relations cross it.
    context.strokeStyle = "rgba(255, 255, 255, 0.85)";
    context.lineWidth = 3;
    context.lineJoin = "round";
    context.textAlign = "left";
    const { width, height } = renderer.getDimensions();
    for (const l of placeLabels(context, pending, settings, width, height)) {
      context.strokeText(l.label, l.left, l.baseline);
      context.fillText(l.label, l.left, l.baseline);
    }
    pending = [];
  });
}
