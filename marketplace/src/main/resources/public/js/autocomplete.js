/*
 * Autocomplete for search boxes (progressive enhancement): an input with data-suggest="URL"
 * becomes an ARIA combobox listing suggestions from URL?q=… ({items: [{text}]}). Arrow keys move,
 * Enter picks the highlighted suggestion (or submits what was typed), Escape closes.
 */
(function () {
  'use strict';

  function setup(input) {
    var url = input.getAttribute('data-suggest');
    if (!url || !window.fetch || !input.form) { return; }
    var listId = input.id + '-suggestions';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function mark(i) {
      var options = list.children;
      for (var k = 0; k < options.length; k++) {
        options[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      }
      active = i;
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      }
    }

    function choose(i) {
      input.value = items[i].text;
      close();
      input.form.submit();
    }

    function render(found) {
      list.textContent = '';
      items = found;
      found.forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = item.text;
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      if (found.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        active = -1;
      } else {
        close();
      }
    }

    function load() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      if (pending) { pending.abort(); }
      pending = new AbortController();
      fetch(url + '?q=' + encodeURIComponent(q), { signal: pending.signal, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) {
          if (input.value.trim() === q && document.activeElement === input) { render(body.items || []); }
        })
        .catch(function () { /* offline or aborted: no suggestions */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        mark(Math.min(active + 1, items.length - 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        mark(Math.max(active - 1, 0));
      } else if (e.key === 'Enter') {
        if (active >= 0) {
          e.preventDefault();
          choose(active);
        } else {
          close();
        }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  document.querySelectorAll('input[data-suggest]').forEach(setup);
})();
