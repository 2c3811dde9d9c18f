// The gauge page as drawn, measured from inside it; see GaugePageInChromiumTest.
(function () {
  var out = [];
  function rgb(s) {
    var m = s.match(/rgba?\(([^)]+)\)/);
    if (!m) { return null; }
    var p = m[1].split(',').map(function (x) { return parseFloat(x); });
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    function f(v) { v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) {
    var x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function background(el) {
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { return c; }
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  var width = document.documentElement.clientWidth;
  out.push('viewport ' + width + ' scroll ' + document.documentElement.scrollWidth);
  var texts = 0;
  var all = document.querySelectorAll('.rankgauge *');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var own = '';
    for (var n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) { own += n.nodeValue; }
    }
    own = own.trim();
    if (!own || el.closest('title') || el.tagName.toLowerCase() === 'title') { continue; }
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) { continue; }
    var st = getComputedStyle(el);
    var fg = rgb(el instanceof SVGElement ? st.fill : st.color);
    var bg = background(el instanceof SVGElement ? el.closest('figure') : el);
    var cr = ratio(fg, bg);
    texts++;
    if (cr < 4.5) {
      out.push('FAIL contrast ' + cr.toFixed(2) + ' ' + el.tagName + '.' + el.getAttribute('class')
          + ' "' + own.slice(0, 40) + '" ' + (el instanceof SVGElement ? st.fill : st.color)
          + ' on rgb(' + bg.r + ', ' + bg.g + ', ' + bg.b + ')');
    }
    if (r.left < 0 || r.right > width + 0.5) {
      out.push('FAIL outside ' + el.tagName + ' "' + own.slice(0, 40) + '" ' + r.left.toFixed(1)
          + '..' + r.right.toFixed(1));
    }
  }
  out.push('texts ' + texts);
  var svgs = document.querySelectorAll('.rankgauge svg');
  for (var s = 0; s < svgs.length; s++) {
    var svg = svgs[s];
    if (svg.getAttribute('role') !== 'img' || !(svg.getAttribute('aria-label') || '').trim()) {
      out.push('FAIL dial without a text alternative ' + s);
    }
    var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    var labels = svg.querySelectorAll('.tick text');
    var boxes = [];
    for (var k = 0; k < labels.length; k++) {
      var px = parseFloat(getComputedStyle(labels[k]).fontSize) * scale;
      out.push('tick ' + s + ' ' + labels[k].textContent + ' ' + px.toFixed(1));
      if (px < 11) {
        out.push('FAIL tick label ' + labels[k].textContent + ' drawn at ' + px.toFixed(1) + ' px');
      }
      boxes.push(labels[k].getBoundingClientRect());
    }
    for (var a = 0; a < boxes.length; a++) {
      for (var b = a + 1; b < boxes.length; b++) {
        var p = boxes[a], q = boxes[b];
        if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) {
          out.push('FAIL tick labels overlap ' + labels[a].textContent + ' ' + labels[b].textContent);
        }
      }
    }
  }
  out.push('dials ' + svgs.length);
  var bars = document.querySelectorAll('.rankgauge [role=progressbar]');
  for (var j = 0; j < bars.length; j++) {
    if (!(bars[j].getAttribute('aria-label') || '').trim()) {
      out.push('FAIL progress bar without a name ' + j);
    }
  }
  out.push('bars ' + bars.length);
  // The page runs in an iframe of the width under test (a browser window is never narrower
  // than 500 px); the findings go to the parent, whose DOM Chromium dumps.
  var host = window.parent.document;
  var pre = host.createElement('pre');
  pre.id = 'probe';
  pre.textContent = out.join('\n');
  host.body.appendChild(pre);
})();
