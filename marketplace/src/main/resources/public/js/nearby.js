/*
 * "Find instruments near me" (progressive enhancement): shows the location form and its button
 * (without JavaScript the form shows only once a location is set), asks the browser for the
 * position and submits the form with near=LAT,LON and sort=distance.
 */
(function () {
  'use strict';
  var button = document.getElementById('near-me');
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.form.hidden = false;
  button.addEventListener('click', function () {
    var status = document.getElementById('near-status');
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('near-input').value =
        pos.coords.latitude.toFixed(5) + ',' + pos.coords.longitude.toFixed(5);
      document.getElementById('near-sort').disabled = false;
      button.form.submit();
    }, function () {
      button.disabled = false;
      status.textContent = button.getAttribute('data-denied');
    }, { timeout: 10000, maximumAge: 600000 });
  });
})();
