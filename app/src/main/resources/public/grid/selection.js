// Which rows are selected: everything, or a list of inclusive index ranges, plus the anchor that a
// shift-click or shift-arrow extends from.

export class Selection {
  constructor() {
    this.clear();
    this.anchor = 0;
  }

  clear() {
    this.all = false;
    this.ranges = [];
  }

  selectAll() {
    this.all = true;
    this.ranges = [];
  }

  has(index) {
    if (this.all) return true;
    return this.ranges.some(([a, b]) => index >= a && index <= b);
  }

  count(total) {
    if (this.all) return total;
    return this.ranges.reduce((sum, [a, b]) => sum + (b - a + 1), 0);
  }

  /** Only this row, which becomes the anchor. */
  only(index) {
    this.all = false;
    this.ranges = [[index, index]];
    this.anchor = index;
  }

  /** From the anchor to this row. */
  extendTo(index) {
    this.all = false;
    this.ranges = [[Math.min(this.anchor, index), Math.max(this.anchor, index)]];
  }

  toggle(index, total) {
    if (this.all) { this.all = false; this.ranges = [[0, total - 1]]; }
    if (this.has(index)) {
      const ranges = [];
      this.ranges.forEach(([a, b]) => {
        if (index < a || index > b) ranges.push([a, b]);
        else {
          if (a < index) ranges.push([a, index - 1]);
          if (index < b) ranges.push([index + 1, b]);
        }
      });
      this.ranges = ranges;
    } else {
      this.ranges.push([index, index]);
    }
  }

  /** The selected ranges in row order ([[0, total - 1]] for everything). */
  sortedRanges(total) {
    return this.all ? [[0, total - 1]] : [...this.ranges].sort((x, y) => x[0] - y[0]);
  }
}
