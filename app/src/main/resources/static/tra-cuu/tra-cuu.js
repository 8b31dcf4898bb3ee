// The citizen's dossier tracking page: plain script, no framework, so it loads fast on a slow line.
(function () {
  'use strict';
  var TEXT = {
    vi: {
      title: 'Tra cứu hồ sơ', codeLabel: 'Mã hồ sơ', keyLabel: 'Mã tra cứu (không bắt buộc)',
      keyHint: 'Mã tra cứu được cấp khi nộp hồ sơ; nhập để xem thông tin cá nhân và tải giấy tờ, phiếu của hồ sơ.',
      search: 'Tra cứu', lang: 'English', loading: 'Đang tra cứu…', notFound: 'Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng.',
      failed: 'Không kết nối được. Vui lòng thử lại.', procedure: 'Thủ tục', submitted: 'Ngày nộp', received: 'Ngày tiếp nhận',
      appointment: 'Ngày hẹn trả', finished: 'Ngày giải quyết xong', returned: 'Ngày trả kết quả', timeline: 'Quá trình xử lý',
      applicant: 'Người nộp', documents: 'Giấy tờ', result: 'Kết quả', slips: 'Phiếu của hồ sơ',
      verifyLink: 'Kiểm tra chữ ký số trên văn bản điện tử'
    },
    en: {
      title: 'Track a dossier', codeLabel: 'Dossier code', keyLabel: 'Lookup key (optional)',
      keyHint: 'The lookup key was given when you submitted; enter it to see your details and download your documents and slips.',
      search: 'Search', lang: 'Tiếng Việt', loading: 'Searching…', notFound: 'No such dossier, or the lookup key is wrong.',
      failed: 'Could not connect. Please try again.', procedure: 'Procedure', submitted: 'Submitted', received: 'Received',
      appointment: 'Appointment', finished: 'Finished', returned: 'Result returned', timeline: 'Timeline',
      applicant: 'Applicant', documents: 'Documents', result: 'Result', slips: 'Slips of your dossier',
      verifyLink: 'Check the digital signature of an electronic document'
    }
  };
  // The one-stop slips kept with a dossier (Thông tư 01/2018/TT-VPCP), by document code.
  var SLIPS = {
    'giay-tiep-nhan': { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
    'phieu-yeu-cau-bo-sung': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement the dossier' },
    'phieu-tu-choi': { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to accept the dossier' },
    'phieu-xin-loi': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' }
  };
  var lang = localStorage.getItem('motcua.lang') === 'en' ? 'en' : 'vi';
  var last = null;

  function t(key) { return TEXT[lang][key]; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    document.getElementById('lang').textContent = t('lang');
    if (last) { render(last.view, last.key); }
  }

  // Dates as dd/MM/yyyy HH:mm in Vietnam's time, whatever the phone's settings.
  function formatDate(iso) {
    if (!iso) { return null; }
    var parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit', hour12: false
    }).formatToParts(new Date(iso));
    var p = {};
    parts.forEach(function (x) { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function render(view, key) {
    var result = document.getElementById('result');
    result.textContent = '';
    var status = lang === 'vi' ? view.statusName : view.statusNameEn;
    var facts = el('dl');
    [['procedure', view.procedureName], ['submitted', formatDate(view.submittedAt)], ['received', formatDate(view.receivedAt)],
     ['appointment', formatDate(view.appointmentAt)], ['finished', formatDate(view.finishedAt)],
     ['returned', formatDate(view.returnedAt)], ['applicant', view.applicant && view.applicant.name]]
      .forEach(function (row) {
        if (row[1]) { facts.appendChild(el('dt', {}, [t(row[0])])); facts.appendChild(el('dd', {}, [row[1]])); }
      });
    result.appendChild(el('section', { id: 'summary' }, [
      el('h2', {}, [view.code]), el('span', { 'class': 'status', id: 'status' }, [status]), facts]));

    var timeline = el('ol', { 'class': 'timeline' });
    view.timeline.slice().reverse().forEach(function (entry) {
      timeline.appendChild(el('li', {}, [el('time', { datetime: entry.at }, [formatDate(entry.at)]),
        el('strong', {}, [entry.statusName]), el('div', {}, [entry.message])]));
    });
    result.appendChild(el('section', {}, [el('h3', {}, [t('timeline')]), timeline]));

    var slips = (view.documents || []).filter(function (doc) { return SLIPS.hasOwnProperty(doc.documentCode); });
    var files = (view.documents || []).filter(function (doc) { return !SLIPS.hasOwnProperty(doc.documentCode); });
    if (slips.length) {
      var slipList = el('ul', { 'class': 'docs', id: 'slips' });
      slips.forEach(function (doc) {
        var link = el('a', { href: '#' }, [SLIPS[doc.documentCode][lang]]);
        link.addEventListener('click', function (e) { e.preventDefault(); download(doc, key); });
        slipList.appendChild(el('li', {}, [link, ' ', el('time', { datetime: doc.uploadedAt }, [formatDate(doc.uploadedAt)])]));
      });
      result.appendChild(el('section', {}, [el('h3', {}, [t('slips')]), slipList]));
    }
    if (files.length) {
      var list = el('ul', { 'class': 'docs' });
      files.forEach(function (doc) {
        var link = el('a', { href: '#' }, [(doc.documentCode === 'ket-qua' ? t('result') + ': ' : '') + doc.fileName]);
        link.addEventListener('click', function (e) { e.preventDefault(); download(doc, key); });
        list.appendChild(el('li', {}, [link]));
      });
      result.appendChild(el('section', {}, [el('h3', {}, [t('documents')]), list]));
    }
  }

  // Files need the lookup key in a header, so they are fetched and handed to the browser as a blob.
  function download(doc, key) {
    fetch(doc.href, { headers: { 'X-Lookup-Key': key } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.blob(); })
      .then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: doc.fileName });
        document.body.appendChild(a); a.click(); a.remove();
      })
      .catch(function () { alert(t('failed')); });
  }

  function lookup(code, key) {
    var result = document.getElementById('result');
    result.textContent = '';
    result.appendChild(el('p', { 'class': 'loading' }, [t('loading')]));
    var headers = { Accept: 'application/json' };
    if (key) { headers['X-Lookup-Key'] = key; }
    fetch('/api/public/dossiers/' + encodeURIComponent(code), { headers: headers })
      .then(function (r) {
        if (r.status === 404) { throw new Error('notFound'); }
        if (!r.ok) { throw new Error('failed'); }
        return r.json();
      })
      .then(function (view) { last = { view: view, key: key }; render(view, key); })
      .catch(function (e) {
        last = null;
        result.textContent = '';
        result.appendChild(el('p', { 'class': 'error', role: 'alert' }, [t(e.message === 'notFound' ? 'notFound' : 'failed')]));
      });
  }

  document.getElementById('lookup').addEventListener('submit', function (e) {
    e.preventDefault();
    lookup(document.getElementById('code').value.trim(), document.getElementById('key').value.trim());
  });
  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('motcua.lang', lang);
    applyLanguage();
  });

  // A link from an SMS or receipt: /tra-cuu/?ma=<code>#khoa=<key> (the key stays out of server logs). The QR code
  // of a slip or result (Thông tư 01/2023/TT-VPCP) opens /tra-cuu/?ma=<code>&tthc=…&giayto=…: only ma is read.
  var params = new URLSearchParams(location.search);
  var fromHash = new URLSearchParams(location.hash.replace(/^#/, ''));
  applyLanguage();
  if (params.get('ma')) {
    document.getElementById('code').value = params.get('ma');
    document.getElementById('key').value = fromHash.get('khoa') || '';
    lookup(params.get('ma'), fromHash.get('khoa') || '');
  }
})();
