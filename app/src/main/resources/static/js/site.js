// Motcua: the few helpers every page script shares (docs/pages.md). Plain script, no framework; text only: nothing
// here ever puts a string into innerHTML, so citizen data shows as text wherever it comes from.
(function () {
  'use strict';

  var CSRF_COOKIE = 'MOTCUA-XSRF-TOKEN';
  var CSRF_HEADER = 'X-XSRF-TOKEN';

  function cookie(name) {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  /** The headers a state-changing request needs: the CSRF token from its cookie (when a session may exist). */
  function csrfHeaders(extra) {
    var headers = Object.assign({}, extra || {});
    var token = cookie(CSRF_COOKIE);
    if (token) { headers[CSRF_HEADER] = token; }
    return headers;
  }

  /** An element with attributes and children (strings become text nodes, never markup). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function vietnamParts(iso) {
    var parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(new Date(iso));
    var p = {};
    parts.forEach(function (x) { p[x.type] = x.value; });
    return p;
  }

  /** dd/MM/yyyy in Vietnam's time (as Formats.date on the server); '' for nothing. */
  function formatDate(iso) {
    if (!iso) { return ''; }
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) { var d = iso.split('-'); return d[2] + '/' + d[1] + '/' + d[0]; }
    var p = vietnamParts(iso);
    return p.day + '/' + p.month + '/' + p.year;
  }

  /** dd/MM/yyyy HH:mm in Vietnam's time (as Formats.dateTime). */
  function formatDateTime(iso) {
    if (!iso) { return ''; }
    var p = vietnamParts(iso);
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  /** 1.234.000 đ, with a no-break space (as Formats.money). */
  function formatMoney(amount) {
    if (amount === null || amount === undefined) { return ''; }
    var n = Math.round(Number(amount));
    var digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (n < 0 ? '-' : '') + digits + '\u00a0đ';
  }

  /** A page's text in its language, rendered by the server into data-msg-* attributes of an element. */
  function msg(element, name) {
    var key = 'msg' + name.charAt(0).toUpperCase() + name.slice(1);
    return (element && element.dataset[key]) || name;
  }

  /**
   * Checks a file before it is sent: {maxBytes, types: ['application/pdf', …]}. Answers null when it may go, else
   * 'tooLarge', 'empty' or 'type'.
   */
  function checkFile(file, rules) {
    if (!file.size) { return 'empty'; }
    if (rules.maxBytes && file.size > rules.maxBytes) { return 'tooLarge'; }
    var types = rules.types || [];
    var name = (file.name || '').toLowerCase();
    var byName = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
    var type = file.type || byName[name.substring(name.lastIndexOf('.') + 1)] || '';
    if (types.length && types.indexOf(type) < 0) { return 'type'; }
    return null;
  }

  /**
   * Sends a FormData with upload progress: resolves {status, body} (body parsed as JSON when it is), rejects only
   * when the connection fails. options: {method, headers, onProgress(fraction)}.
   */
  function upload(url, formData, options) {
    options = options || {};
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(options.method || 'POST', url);
      var headers = csrfHeaders(Object.assign({ Accept: 'application/json' }, options.headers || {}));
      Object.keys(headers).forEach(function (h) { xhr.setRequestHeader(h, headers[h]); });
      if (options.onProgress) {
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) { options.onProgress(e.loaded / e.total); }
        });
      }
      xhr.addEventListener('load', function () {
        var body = xhr.responseText;
        try { body = JSON.parse(body); } catch (ignored) { /* not JSON */ }
        resolve({ status: xhr.status, body: body });
      });
      xhr.addEventListener('error', function () { reject(new Error('network')); });
      xhr.send(formData);
    });
  }

  /** fetch() for JSON with the CSRF header on writes; resolves {status, body}. */
  function json(url, options) {
    options = options || {};
    var method = (options.method || 'GET').toUpperCase();
    var headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (options.body !== undefined && typeof options.body !== 'string') {
      headers['Content-Type'] = 'application/json';
      options = Object.assign({}, options, { body: JSON.stringify(options.body) });
    }
    if (method !== 'GET' && method !== 'HEAD') { headers = csrfHeaders(headers); }
    return fetch(url, Object.assign({}, options, { method: method, headers: headers, credentials: 'same-origin' }))
      .then(function (r) {
        return r.text().then(function (t) {
          var body = t;
          try { body = t ? JSON.parse(t) : null; } catch (ignored) { /* not JSON */ }
          return { status: r.status, body: body };
        });
      });
  }

  window.Motcua = {
    lang: function () { return document.documentElement.lang === 'en' ? 'en' : 'vi'; },
    csrfHeaders: csrfHeaders,
    el: el,
    msg: msg,
    formatDate: formatDate,
    formatDateTime: formatDateTime,
    formatMoney: formatMoney,
    checkFile: checkFile,
    upload: upload,
    json: json
  };

  // htmx requests carry the CSRF token too; htmx itself is loaded from its webjar by the layout.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = cookie(CSRF_COOKIE);
    if (token) { e.detail.headers[CSRF_HEADER] = token; }
  });
})();
