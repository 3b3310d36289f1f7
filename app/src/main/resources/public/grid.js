// Entry point of the grid page's grid: builds a Grid on every [data-grid] element.
import { Grid } from './grid/view.js';
import { format, setTimeZone } from './format.js';

// for the browser tests and the console: how a value of a type reads
window.RowdeskGrid = { format: format };
document.querySelectorAll('[data-grid]').forEach(root => {
  setTimeZone(root.dataset.timeZone);
  root.grid = new Grid(root);
});
