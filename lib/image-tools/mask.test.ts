import { describe, expect, it } from "vitest";
import {
  applyOp,
  emptyHistory,
  type Mask,
  type MaskOp,
  maskFromRgba,
  maskToRgba,
  newMask,
  overlayRgba,
  paintedShare,
  paintSegment,
  record,
  redo,
  replay,
  undo,
} from "./mask";

const size = { width: 10, height: 8 };
const painted = (mask: Mask, x: number, y: number) => mask.data[y * mask.width + x] === 1;

describe("painting", () => {
  it("a tap paints a disc of the brush's radius around the point", () => {
    const mask = newMask(size);
    const dirty = paintSegment(mask, { x: 5, y: 4 }, { x: 5, y: 4 }, 2, 1);
    expect(painted(mask, 4, 3)).toBe(true);
    expect(painted(mask, 5, 5)).toBe(true);
    expect(painted(mask, 2, 4)).toBe(false);
    expect(painted(mask, 7, 6)).toBe(false);
    expect(dirty).toEqual({ x: 3, y: 2, width: 5, height: 5 });
  });

  it("a drag paints the band between its points, and an eraser stroke takes it away", () => {
    const mask = replay(size, [
      {
        kind: "stroke",
        erase: false,
        radius: 1,
        points: [
          { x: 0, y: 4 },
          { x: 10, y: 4 },
        ],
      },
    ]);
    for (let x = 0; x < 10; x += 1) expect(painted(mask, x, 4) && painted(mask, x, 3)).toBe(true);
    expect(painted(mask, 5, 1)).toBe(false);
    applyOp(mask, { kind: "stroke", erase: true, radius: 1.5, points: [{ x: 5, y: 4 }] });
    expect(painted(mask, 5, 4)).toBe(false);
    expect(painted(mask, 1, 4)).toBe(true);
  });

  it("strokes past the edge are clipped, and one wholly outside touches nothing", () => {
    const mask = newMask(size);
    expect(paintSegment(mask, { x: -5, y: -5 }, { x: -4, y: -4 }, 1, 1)).toBeUndefined();
    const dirty = paintSegment(mask, { x: 9.5, y: 7.5 }, { x: 20, y: 20 }, 1, 1);
    expect(dirty).toEqual({ x: 8, y: 6, width: 2, height: 2 });
    expect(painted(mask, 9, 7)).toBe(true);
  });

  it("invert swaps painted and not, and clear empties", () => {
    const mask = newMask(size);
    applyOp(mask, { kind: "invert" });
    expect(paintedShare(mask)).toBe(1);
    applyOp(mask, { kind: "clear" });
    expect(paintedShare(mask)).toBe(0);
  });

  it("replays over a starting mask without changing it", () => {
    const start = newMask(size);
    start.data[0] = 1;
    const after = replay(size, [{ kind: "invert" }], start.data);
    expect(after.data[0]).toBe(0);
    expect(start.data[0]).toBe(1);
  });
});

describe("undo and redo", () => {
  const stroke: MaskOp = { kind: "stroke", erase: false, radius: 1, points: [{ x: 1, y: 1 }] };

  it("undo takes the last operation back and redo brings it again", () => {
    let history = record(record(emptyHistory, stroke), { kind: "invert" });
    history = undo(history);
    expect(history.done).toEqual([stroke]);
    history = redo(history);
    expect(history.done).toEqual([stroke, { kind: "invert" }]);
    expect(history.undone).toEqual([]);
  });

  it("a new operation after an undo drops what was undone; nothing to undo leaves it as is", () => {
    const history = record(undo(record(emptyHistory, stroke)), { kind: "clear" });
    expect(history).toEqual({ done: [{ kind: "clear" }], undone: [] });
    expect(undo(emptyHistory)).toBe(emptyHistory);
    expect(redo(emptyHistory)).toBe(emptyHistory);
  });
});

describe("as pixels", () => {
  it("exports white for painted and black for the rest, all opaque", () => {
    const mask = newMask({ width: 2, height: 1 });
    mask.data[1] = 1;
    expect([...maskToRgba(mask)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it("reads an existing mask back: light opaque pixels are painted", () => {
    const rgba = [255, 255, 255, 255, 10, 10, 10, 255, 250, 250, 250, 0, 200, 180, 160, 255];
    expect([...maskFromRgba(rgba, { width: 4, height: 1 }).data]).toEqual([1, 0, 0, 1]);
  });

  it("the overlay colours the painted pixels of a rectangle only", () => {
    const mask = newMask({ width: 3, height: 2 });
    mask.data[4] = 1;
    const overlay = overlayRgba(mask, { x: 1, y: 1, width: 2, height: 1 }, [9, 8, 7, 6]);
    expect([...overlay]).toEqual([9, 8, 7, 6, 0, 0, 0, 0]);
  });
});
