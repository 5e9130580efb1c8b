// report.js - draws the charts of an unecho HTML report.  The report
// holds each chart's Vega-Lite specification in the JSON block
// #ue-charts, keyed by the id of the figure to draw it in.  Embedded in
// the report (and hashed into its Content-Security-Policy) at build time.
(function () {
  'use strict';
  var block = document.getElementById('ue-charts');
  if (!block || typeof vegaEmbed !== 'function') {
    return;
  }
  var specs = JSON.parse(block.textContent);
  var options = {renderer: 'svg', actions: false, defaultStyle: false};
  Object.keys(specs).forEach(function (id) {
    var figure = document.getElementById(id);
    if (!figure || !specs[id]) {
      return;
    }
    vegaEmbed(figure, specs[id], options).catch(function (error) {
      figure.textContent = 'This chart could not be drawn: ' + error.message;
      console.error('chart ' + id + ': ' + error.message);
    });
  });
})();
