// The public signature verifier: plain script, no framework, like the tracking page. The file goes to
// POST /api/public/signatures/verify and the answer is shown as text, never as HTML.
(function () {
  'use strict';
  // motcua.documents.max-file-size's default (docs/operations.md): larger files are refused before sending.
  var MAX_BYTES = 10 * 1024 * 1024;
  var TEXT = {
    vi: {
      title: 'Kiểm tra chữ ký số', lang: 'English', drop: 'Chọn hoặc kéo thả tệp PDF vào đây',
      dropHint: 'Văn bản điện tử có chữ ký số, tối đa 10 MB. Tệp chỉ được kiểm tra, không được lưu lại.',
      tracking: 'Tra cứu hồ sơ', uploading: 'Đang tải lên', checking: 'Đang kiểm tra chữ ký…',
      notPdf: 'Tệp không phải là PDF. Vui lòng chọn văn bản điện tử dạng PDF.',
      tooLarge: 'Tệp lớn hơn 10 MB, không thể kiểm tra.', failed: 'Không kết nối được. Vui lòng thử lại.',
      file: 'Tệp', valid: 'Chữ ký số hợp lệ', invalid: 'Chữ ký số không hợp lệ', unsigned: 'Tệp chưa được ký số',
      unsignedHint: 'Văn bản này không có chữ ký số nào.', signature: 'Chữ ký', signer: 'Người ký',
      organisation: 'Cơ quan', signedAt: 'Thời gian ký', intact: 'Toàn vẹn', trusted: 'Chứng thư tin cậy',
      covers: 'Phạm vi ký', dossier: 'Mã hồ sơ', problem: 'Chi tiết kỹ thuật',
      intactYes: 'Có — nội dung không bị thay đổi sau khi ký',
      intactNo: 'Không — nội dung đã bị thay đổi sau khi ký',
      trustedYes: 'Có — do cơ quan chứng thực được tin cậy cấp',
      trustedNo: 'Không — chứng thư không do cơ quan chứng thực được tin cậy cấp, hoặc đã hết hạn',
      coversYes: 'Toàn bộ văn bản', coversNo: 'Không phải toàn bộ — văn bản có thêm nội dung sau khi ký',
      testCertificate: 'Chứng thư thử nghiệm — chữ ký này không có giá trị pháp lý.',
      unknown: 'Không rõ'
    },
    en: {
      title: 'Check a digital signature', lang: 'Tiếng Việt', drop: 'Pick or drop a PDF file here',
      dropHint: 'An electronic document with a digital signature, at most 10 MB. The file is only checked, never kept.',
      tracking: 'Track a dossier', uploading: 'Uploading', checking: 'Checking the signatures…',
      notPdf: 'The file is not a PDF. Please pick an electronic document in PDF.',
      tooLarge: 'The file is larger than 10 MB and cannot be checked.', failed: 'Could not connect. Please try again.',
      file: 'File', valid: 'Valid signature', invalid: 'Invalid signature', unsigned: 'The file is not signed',
      unsignedHint: 'This document carries no digital signature.', signature: 'Signature', signer: 'Signer',
      organisation: 'Agency', signedAt: 'Signed at', intact: 'Intact', trusted: 'Trusted certificate',
      covers: 'Signed part', dossier: 'Dossier code', problem: 'Technical detail',
      intactYes: 'Yes — the content has not changed since signing',
      intactNo: 'No — the content was changed after signing',
      trustedYes: 'Yes — issued by a trusted certification authority',
      trustedNo: 'No — the certificate is not from a trusted certification authority, or has expired',
      coversYes: 'The whole document', coversNo: 'Not all of it — content was added after signing',
      testCertificate: 'Test certificate — this signature has no legal value.',
      unknown: 'Unknown'
    }
  };
  var lang = localStorage.getItem('motcua.lang') === 'en' ? 'en' : 'vi';
  var last = null; // what the result area shows, redrawn in the other language on a tap

  function t(key) { return TEXT[lang][key]; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('title') + ' — Một cửa điện tử';
    document.querySelectorAll('[data-t]').forEach(function (node) { node.textContent = t(node.getAttribute('data-t')); });
    document.getElementById('lang').textContent = t('lang');
    if (last) { show(last); }
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

  function show(state) {
    last = state;
    var result = document.getElementById('result');
    result.textContent = '';
    if (state.kind === 'progress') {
      var bar = el('progress', { max: '100', value: String(state.percent) });
      var label = state.percent < 100 ? t('uploading') + '… ' + state.percent + '%' : t('checking');
      result.appendChild(el('section', { id: 'progress' }, [el('p', { 'class': 'loading' }, [label]), bar]));
    } else if (state.kind === 'error') {
      result.appendChild(el('p', { 'class': 'error', role: 'alert' }, [t(state.message)]));
    } else {
      render(state.answer, state.fileName);
    }
  }

  function render(answer, fileName) {
    var result = document.getElementById('result');
    var verdict = !answer.signed ? ['none', 'unsigned'] : answer.valid ? ['ok', 'valid'] : ['bad', 'invalid'];
    var summary = el('section', { id: 'summary' }, [
      el('span', { 'class': 'verdict ' + verdict[0], id: 'verdict' }, [t(verdict[1])]),
      el('dl', {}, [el('dt', {}, [t('file')]), el('dd', {}, [fileName])])]);
    if (!answer.signed) { summary.appendChild(el('p', { 'class': 'hint' }, [t('unsignedHint')])); }
    result.appendChild(summary);

    answer.signatures.forEach(function (s, i) {
      var section = el('section', { 'class': 'signature' }, [el('h2', {}, [t('signature') + ' ' + (i + 1)])]);
      if (s.testCertificate) {
        section.appendChild(el('p', { 'class': 'warning', role: 'note' }, [t('testCertificate')]));
      }
      var facts = el('dl');
      function row(key, value, good) {
        facts.appendChild(el('dt', {}, [t(key)]));
        var attrs = good === undefined ? {} : { 'class': good ? 'yes' : 'no' };
        facts.appendChild(el('dd', attrs, [value]));
      }
      row('signer', s.signer || t('unknown'));
      if (s.organisation) { row('organisation', s.organisation); }
      row('signedAt', formatDate(s.signedAt) || t('unknown'));
      row('intact', t(s.intact ? 'intactYes' : 'intactNo'), s.intact);
      row('trusted', t(s.trusted ? 'trustedYes' : 'trustedNo'), s.trusted);
      row('covers', t(s.coversWholeDocument ? 'coversYes' : 'coversNo'), s.coversWholeDocument);
      if (s.dossierCode) {
        facts.appendChild(el('dt', {}, [t('dossier')]));
        facts.appendChild(el('dd', {}, [
          el('a', { href: '/tra-cuu/?ma=' + encodeURIComponent(s.dossierCode) }, [s.dossierCode])]));
      }
      if (s.problem) { row('problem', s.problem); }
      section.appendChild(facts);
      result.appendChild(section);
    });
  }

  function isPdf(file) {
    return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  }

  function verify(file) {
    if (!file) { return; }
    if (!isPdf(file) || file.size === 0) { show({ kind: 'error', message: 'notPdf' }); return; }
    if (file.size > MAX_BYTES) { show({ kind: 'error', message: 'tooLarge' }); return; }
    var body = new FormData();
    body.append('file', file, file.name);
    // XMLHttpRequest rather than fetch: only it reports the upload's progress.
    var request = new XMLHttpRequest();
    request.open('POST', '/api/public/signatures/verify');
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { show({ kind: 'progress', percent: Math.min(99, Math.floor(100 * e.loaded / e.total)) }); }
    });
    request.upload.addEventListener('load', function () { show({ kind: 'progress', percent: 100 }); });
    request.addEventListener('load', function () {
      if (request.status === 200) {
        try {
          show({ kind: 'answer', answer: JSON.parse(request.responseText), fileName: file.name });
        } catch (e) {
          show({ kind: 'error', message: 'failed' });
        }
      } else if (request.status === 415) {
        show({ kind: 'error', message: 'notPdf' });
      } else if (request.status === 413) {
        show({ kind: 'error', message: 'tooLarge' });
      } else {
        show({ kind: 'error', message: 'failed' });
      }
    });
    request.addEventListener('error', function () { show({ kind: 'error', message: 'failed' }); });
    show({ kind: 'progress', percent: 0 });
    request.send(body);
  }

  var input = document.getElementById('file');
  input.addEventListener('change', function () { verify(input.files[0]); });
  var drop = document.getElementById('drop');
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) { verify(e.dataTransfer.files[0]); }
  });
  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('motcua.lang', lang);
    applyLanguage();
  });
  applyLanguage();
})();
