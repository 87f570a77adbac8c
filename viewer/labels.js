// Entity labels that never overlap. Sigma picks the labels of a frame cell
// by cell of its label grid, so two long names in neighbouring cells are
// written over each other. Here sigma's label drawer only collects them;
// after the frame they are drawn most important first (the selected entity,
// then forced labels, then the biggest discs), each only where it overlaps
// no label already drawn, on a white halo. The hovered entity's label is
// sigma's own.

// The box a label takes on screen, as sigma's own drawer places it.
function labelBox(context, label, x, y, size, settings) {
  const width = context.measureText(label).width;
  const height = settings.labelSize;
  return { left: x + size + 3, right: x + size + 3 + width, top: y - height / 2 - 1, bottom: y + height / 2 + 1 };
}

function overlaps(a, b) {
  const gap = 2;
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

// Of `labels` ({label, x, y, size, rank}, rank smaller first), those that
// can be written without overlapping one written before, in order.
export function placeLabels(context, labels, settings) {
  const placed = [];
  const boxes = [];
  for (const l of [...labels].sort((a, b) => a.rank - b.rank)) {
    const box = labelBox(context, l.label, l.x, l.y, l.size, settings);
    if (boxes.some((b) => overlaps(box, b))) continue;
    boxes.push(box);
    placed.push(l);
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
    for (const l of placeLabels(context, pending, settings)) {
      context.strokeText(l.label, l.x + l.size + 3, l.y + settings.labelSize / 3);
      context.fillText(l.label, l.x + l.size + 3, l.y + settings.labelSize / 3);
    }
    pending = [];
  });
}
