// Live calculator of the tariff editor: as the operator types, posts the figures (yuan and % converted
// to fen and basis points, as the server's TariffForm does) to the preview endpoint and fills in the
// breakdown, the unit prices per buyer class and the guidance check. Nothing is saved. Without
// JavaScript the "Calculate" button posts the form and the server renders the same tables.
(function () {
  'use strict';
  var form = document.getElementById('tariff-form');
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute('data-preview');
  var live = document.getElementById('calc-live');
  if (live) { live.hidden = false; }
  var timer = null;
  var seq = 0;

  function value(name) {
    var el = form.elements[name];
    return el && el.value.trim() !== '' ? el.value.trim() : null;
  }
  function hundredths(name) {
    var v = value(name);
    if (v === null) { return null; }
    var m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(v);
    if (!m) { return NaN; }
    var frac = (m[3] || '').padEnd(2, '0');
    return (m[1] ? -1 : 1) * (parseInt(m[2], 10) * 100 + parseInt(frac, 10));
  }
  function whole(name) {
    var v = value(name);
    return v === null ? null : (/^\d+$/.test(v) ? parseInt(v, 10) : NaN);
  }
  function yuan(fen) {
    var neg = fen < 0;
    var abs = Math.abs(fen);
    var units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var cents = (abs % 100).toString().padStart(2, '0');
    return (neg ? '-' : '') + units + '.' + cents;
  }
  function set(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }
  function body() {
    return {
      inputs: {
        originalValueFen: hundredths('originalValueYuan'),
        residualRateBp: hundredths('residualRatePct'),
        usefulLifeYears: whole('usefulLifeYears'),
        annualStaffCostFen: hundredths('annualStaffCostYuan'),
        annualMaintenanceFen: hundredths('annualMaintenanceYuan'),
        powerKw: value('powerKw'),
        electricityFenPerKwh: hundredths('electricityYuanPerKwh'),
        annualFacilityOverheadFen: hundredths('annualFacilityOverheadYuan'),
        consumablesPerSampleFen: hundredths('consumablesPerSampleYuan'),
        samplesPerHour: value('samplesPerHour'),
        expectedAnnualHours: whole('expectedAnnualHours')
      },
      chargeUnit: value('chargeUnit'),
      academicMarkupBp: hundredths('academicMarkupPct'),
      commercialMarkupBp: hundredths('commercialMarkupPct')
    };
  }
  function hasNaN(o) {
    return Object.keys(o).some(function (k) {
      var v = o[k];
      return (typeof v === 'number' && isNaN(v)) || (v && typeof v === 'object' && hasNaN(v));
    });
  }
  function problem(text) {
    var p = document.getElementById('calc-problem');
    if (!p) {
      p = document.createElement('p');
      p.id = 'calc-problem';
      p.className = 'notice notice-warning';
      document.getElementById('calc-output').appendChild(p);
    }
    p.textContent = text || '';
    p.hidden = !text;
    var ok = document.getElementById('calc-within');
    if (ok) { ok.hidden = !!text; }
  }
  function show(r) {
    var unitSelect = form.elements.chargeUnit;
    var unitLabel = unitSelect.options[unitSelect.selectedIndex].text;
    r.breakdown.hourly.forEach(function (l) { set('calc-hourly-' + l.component, yuan(l.amountFen)); });
    r.breakdown.perSample.forEach(function (l) { set('calc-sample-' + l.component, yuan(l.amountFen)); });
    set('calc-hourly-total', yuan(r.breakdown.hourlyCostFen));
    set('calc-sample-total', yuan(r.breakdown.perSampleCostFen));
    var per = document.documentElement.lang === 'en' ? ' CNY per ' : ' 元/';
    set('calc-price-INTERNAL', yuan(r.unitPrices.internalFen) + per + unitLabel);
    set('calc-price-ACADEMIC_EXTERNAL', yuan(r.unitPrices.academicExternalFen) + per + unitLabel);
    set('calc-price-COMMERCIAL', yuan(r.unitPrices.commercialFen) + per + unitLabel);
    if (r.guidance) {
      var g = r.guidance;
      var ratio = function (bp) { var x = bp / 10000; return x % 1 === 0 ? x.toFixed(1) : String(x); };
      set('calc-guidance', document.documentElement.lang === 'en'
        ? 'Pricing guidance: ' + ratio(g.floorBp) + ' to ' + ratio(g.capBp) + ' × cost (' + yuan(g.floorFen) + per
          + unitLabel + ' to ' + yuan(g.capFen) + per + unitLabel + ')'
        : '定价指导范围：成本的 ' + ratio(g.floorBp) + ' 至 ' + ratio(g.capBp) + ' 倍（' + yuan(g.floorFen) + per
          + unitLabel + ' 至 ' + yuan(g.capFen) + per + unitLabel + '）');
    }
    problem(r.guidance && !r.guidance.within ? r.guidance.problem : null);
  }
  function recalc() {
    var b = body();
    if (hasNaN(b)) { return; }
    var mine = ++seq;
    fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(b)
    }).then(function (res) {
      return res.json().then(function (json) { return { ok: res.ok, json: json }; });
    }).then(function (r) {
      if (mine !== seq) { return; }
      if (r.ok) { show(r.json); } else { problem(r.json && r.json.detail); }
    }).catch(function () { /* offline: the Calculate button still works */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(recalc, 300);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    timer = setTimeout(recalc, 50);
  });
}());
