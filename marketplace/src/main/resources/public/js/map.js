/*
 * Dayi maps (progressive enhancement). Each element with [data-map] becomes a Leaflet map of the
 * markers in its data-markers JSON: [{lat, lon, name, href, detail, number}]. Background tiles
 * come from data-tiles and need internet; the numbered markers and their popups work without.
 */
(function () {
  'use strict';

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    el.textContent = value;
    return el;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function popup(m, openLabel) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    var title = document.createElement('a');
    title.href = m.href;
    title.className = 'map-popup-title';
    title.textContent = m.name;
    box.appendChild(title);
    if (m.detail) { box.appendChild(text('div', 'map-popup-detail', m.detail)); }
    if (openLabel) {
      var open = text('a', 'map-popup-open', openLabel + ' →');
      open.href = m.href;
      box.appendChild(open);
    }
    return box;
  }

  function init(el) {
    var markers;
    try {
      markers = JSON.parse(el.getAttribute('data-markers') || '[]');
    } catch (e) {
      return;
    }
    if (typeof L === 'undefined' || !markers.length) { return; }
    var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
    map.attributionControl.setPrefix('Leaflet');
    var tiles = el.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 18,
        attribution: escapeHtml(el.getAttribute('data-attribution') || '')
      }).addTo(map);
    }
    var points = [];
    markers.forEach(function (m) {
      var icon = L.divIcon({
        className: 'map-pin',
        html: '<span>' + Number(m.number) + '</span>',
        iconSize: [28, 28],
        iconAnchor: [14, 14],
        popupAnchor: [0, -12]
      });
      L.marker([m.lat, m.lon], { icon: icon, title: m.name, keyboard: true, riseOnHover: true })
        .bindPopup(popup(m, el.getAttribute('data-open')))
        .addTo(map);
      points.push([m.lat, m.lon]);
    });
    if (points.length === 1) {
      map.setView(points[0], Number(el.getAttribute('data-zoom')) || 13);
    } else {
      map.fitBounds(points, { padding: [32, 32], maxZoom: 15 });
    }
    el.setAttribute('data-map-ready', String(markers.length));
  }

  document.querySelectorAll('[data-map]').forEach(init);
})();
