// The citizen's tracking page (/tra-cuu/): the status, dates and timeline of a dossier; with its lookup key also the
// applicant's part, "what you need to do now" (supplements, fees, collecting the result, rating), withdrawal and the
// documents to download. Everything is built as text (Motcua.el). A link /tra-cuu/?ma=<code>#khoa=<key> opens a
// dossier directly; the key stays after '#', out of server logs.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var maxBytes = Number(main.dataset.maxBytes);
  var TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
  // The one-stop slips kept with a dossier (Thông tư 01/2018/TT-VPCP), by document code: listed apart from the files.
  var SLIPS = { 'giay-tiep-nhan': 'slipReceipt', 'phieu-yeu-cau-bo-sung': 'slipSupplement', 'phieu-tu-choi': 'slipRefusal',
    'phieu-xin-loi': 'slipApology' };
  var FEE_STATUS = { REQUESTED: 'feeRequested', PAID: 'feePaid', EXPIRED: 'feeExpired', CANCELLED: 'feeCancelled',
    REFUNDED: 'feeRefundedStatus' };
  var RATING_LEVELS = [['VERY_SATISFIED', 'rateVery'], ['SATISFIED', 'rateSatisfied'], ['DISSATISFIED', 'rateDissatisfied']];
  var el = Motcua.el;
  var t = function (name) { return Motcua.msg(main, name); };
  var english = Motcua.lang() === 'en';
  var result = document.getElementById('result');
  var current = null; // {code, key}

  function api(code) { return '/api/public/dossiers/' + encodeURIComponent(code); }

  function keyHeaders(key) { return key ? { 'X-Lookup-Key': key } : {}; }

  function problemText(r) {
    var b = r.body || {};
    return t('refused') + ' ' + (b.detail || b.title || r.status);
  }

  function section(id, heading, children) {
    return el('section', { 'class': 'card', id: id }, [el('h2', {}, [heading])].concat(children));
  }

  function deliveryText(view) {
    var d = view.resultDelivery;
    if (!d || d.method === 'DESK') { return t('deliveryDesk'); }
    if (d.method === 'POST') { return t('deliveryPost') + (d.address ? ': ' + d.address : ''); }
    return t('deliveryOnline');
  }

  function render(view, key) {
    result.textContent = '';
    var facts = el('dl', { 'class': 'facts' });
    var returning = view.agencies && view.agencies.returning ? view.agencies.returning.name : null;
    [['procedure', view.procedureName], ['submitted', Motcua.formatDateTime(view.submittedAt)],
     ['received', Motcua.formatDateTime(view.receivedAt)], ['appointment', Motcua.formatDateTime(view.appointmentAt)],
     ['finished', Motcua.formatDateTime(view.finishedAt)], ['returned', Motcua.formatDateTime(view.returnedAt)],
     ['returnDesk', returning], ['applicant', view.applicant && view.applicant.name],
     ['delivery', view.applicant ? deliveryText(view) : null]]
      .forEach(function (row) {
        if (row[1]) { facts.appendChild(el('dt', {}, [t(row[0])])); facts.appendChild(el('dd', {}, [row[1]])); }
      });
    result.appendChild(el('section', { 'class': 'card', id: 'summary' }, [
      el('h2', { 'class': 'code' }, [view.code]),
      el('span', { 'class': 'status', id: 'status' }, [english ? view.statusNameEn : view.statusName]), facts]));

    result.appendChild(askedNow(view, key));
    if (view.payment) { result.appendChild(payment(view.payment, key)); }

    var timeline = el('ol', { 'class': 'timeline' });
    view.timeline.slice().reverse().forEach(function (entry) {
      timeline.appendChild(el('li', {}, [el('time', { datetime: entry.at }, [Motcua.formatDateTime(entry.at)]),
        el('strong', {}, [entry.statusName]), el('div', {}, [entry.message])]));
    });
    result.appendChild(section('timeline', t('timeline'), [timeline]));

    var isSlip = function (doc) { return SLIPS.hasOwnProperty(doc.documentCode); };
    var slips = (view.documents || []).filter(isSlip);
    if (slips.length) {
      var slipList = el('ul', { 'class': 'plain', id: 'slips' });
      slips.forEach(function (doc) {
        var link = el('a', { href: doc.href, 'data-document': doc.documentCode }, [t(SLIPS[doc.documentCode])]);
        link.addEventListener('click', function (e) { e.preventDefault(); download(doc, key); });
        slipList.appendChild(el('li', {}, [link, ' ',
          el('time', { datetime: doc.uploadedAt }, [Motcua.formatDateTime(doc.uploadedAt)])]));
      });
      result.appendChild(section('slips', t('slips'), [slipList]));
    }
    var files = (view.documents || []).filter(function (doc) { return !isSlip(doc); });
    var downloads = el('ul', { 'class': 'plain', id: 'downloads' });
    files.forEach(function (doc) {
      var link = el('a', { href: doc.href, 'data-document': doc.documentCode },
        [(doc.documentCode === 'ket-qua' ? t('result') + ': ' : '') + doc.fileName]);
      link.addEventListener('click', function (e) { e.preventDefault(); download(doc, key); });
      downloads.appendChild(el('li', {}, [link]));
    });
    if (files.length) {
      result.appendChild(section('documents', t('documents'), [downloads]));
    }
    if (key && [1, 2, 4, 5, 6].indexOf(view.status) >= 0) {
      result.appendChild(withdrawal(view, key));
    }
    // Hook (docs/pages.md): payment, slips and other features add to "what you need to do" and to the downloads.
    document.dispatchEvent(new CustomEvent('motcua:tracking', {
      detail: { view: view, lookupKey: key, askedNow: document.getElementById('asked-now'), downloads: downloads }
    }));
  }

  /** What is due and how to pay it, or what was paid; every value is shown as text. */
  function payment(p, key) {
    var facts = el('dl', { 'class': 'facts' });
    [['feeAmount', Motcua.formatMoney(p.amount)], ['feeReference', p.reference],
     ['feeExpiresAt', p.status === 'REQUESTED' ? Motcua.formatDateTime(p.expiresAt) : null],
     ['feePaidAt', Motcua.formatDateTime(p.paidAt)], ['feeRefunded', p.refundReason]]
      .forEach(function (row) {
        if (row[1]) { facts.appendChild(el('dt', {}, [t(row[0])])); facts.appendChild(el('dd', {}, [row[1]])); }
      });
    var items = el('ul', { 'class': 'plain' });
    (p.items || []).forEach(function (item) {
      items.appendChild(el('li', {}, [item.name + ': ' + Motcua.formatMoney(item.amount)]));
    });
    var box = section('payment', t('fee') + ' · ' + t(FEE_STATUS[p.status] || p.status), [facts, items]);
    if (p.howToPay) { box.appendChild(el('p', {}, [p.howToPay])); }
    // Only our own path or an http(s) address becomes a link.
    if (p.payUrl && /^(https?:\/\/|\/(?!\/))/.test(p.payUrl)) {
      // Our own payment page (/thanh-toan/) reads the lookup key from the fragment; no other site is given it.
      var payHref = key && p.payUrl.charAt(0) === '/' && p.payUrl.indexOf('#') < 0
        ? p.payUrl + '#khoa=' + encodeURIComponent(key) : p.payUrl;
      box.appendChild(el('p', {}, [el('a', { href: payHref, rel: 'noopener', 'class': 'button primary', id: 'pay-online' },
        [t('feePayOnline')])]));
    }
    if (p.receiptHref) {
      var link = el('a', { href: p.receiptHref, id: 'fee-receipt' }, [t('feeReceipt')]);
      link.addEventListener('click', function (e) {
        e.preventDefault();
        download({ href: p.receiptHref, fileName: 'bien-lai-' + p.reference + '.pdf' }, key);
      });
      box.appendChild(el('p', {}, [link]));
    }
    return box;
  }

  /** The electronic result, signed (docs/signatures.md), for the owner once the dossier is finished. */
  function signedResult(view, key, box) {
    var hasResult = (view.documents || []).some(function (doc) { return doc.documentCode === 'ket-qua'; });
    if (!key || !hasResult) { return; }
    var href = api(view.code) + '/result';
    var link = el('a', { href: href, id: 'signed-result', 'class': 'button' }, [t('resultSigned')]);
    link.addEventListener('click', function (e) {
      e.preventDefault();
      download({ href: href, fileName: 'ket-qua-' + view.code + '.pdf' }, key);
    });
    box.appendChild(el('p', {}, [link]));
  }

  /** What the citizen is asked to do now, from the dossier's public status. */
  function askedNow(view, key) {
    var box = section('asked-now', t('asked'), []);
    var say = function (name) { box.appendChild(el('p', { 'data-asked': name }, [t(name)])); };
    var needsKey = function () { if (!key) { box.appendChild(el('p', { 'class': 'hint' }, [t('askedWithKey')])); } };
    switch (view.status) {
      case 5:
        say('askedSupplement');
        if (key) { box.appendChild(supplementForm(view, key)); } else { needsKey(); }
        break;
      case 6:
        say('askedPay');
        if (view.payment) {
          box.appendChild(el('p', {}, [el('a', { href: '#payment', id: 'asked-pay-link' }, [t('askedPaySee')])]));
        }
        break;
      case 9:
        var method = view.resultDelivery ? view.resultDelivery.method : 'DESK';
        say(method === 'ONLINE' ? 'askedDownload' : method === 'POST' ? 'askedPost' : 'askedCollect');
        signedResult(view, key, box);
        break;
      case 10:
        if (view.resultDelivery && view.resultDelivery.method === 'ONLINE') { say('askedReturnedOnline'); }
        signedResult(view, key, box);
        if (view.rating) {
          box.appendChild(el('p', { id: 'rated' }, [t('rated') + ' ' + t(levelMessage(view.rating.level))
            + (view.rating.comment ? ' — ' + view.rating.comment : '')]));
        } else {
          say('askedRate');
          if (key) { box.appendChild(ratingForm(view, key)); } else { needsKey(); }
        }
        break;
      default:
        say('askedNothing');
    }
    return box;
  }

  function levelMessage(level) {
    return RATING_LEVELS.filter(function (l) { return l[0] === level; }).map(function (l) { return l[1]; })[0] || level;
  }

  function supplementForm(view, key) {
    var select = el('select', { id: 'supplement-document' });
    var input = el('input', { type: 'file', id: 'supplement-files', multiple: 'multiple',
      accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', 'aria-describedby': 'supplement-error' });
    var error = el('p', { 'class': 'field-error', id: 'supplement-error', role: 'alert' });
    var progress = el('progress', { max: '1', value: '0', hidden: 'hidden', id: 'supplement-progress' });
    var button = el('button', { type: 'submit', 'class': 'primary', id: 'supplement-send' }, [t('supplementSend')]);
    var form = el('form', { id: 'supplement' }, [
      el('label', { 'for': 'supplement-document' }, [t('supplementDocument')]), select,
      el('label', { 'for': 'supplement-files' }, [t('supplementFiles')]), input, error, progress,
      el('div', { 'class': 'actions' }, [button])]);
    Motcua.json('/api/public/procedures').then(function (r) {
      var procedure = (r.body || []).filter(function (p) { return p.key === view.procedureKey; })[0];
      (procedure ? procedure.requiredDocuments : []).forEach(function (d) {
        select.appendChild(el('option', { value: d.code }, [english && d.name.en ? d.name.en : d.name.vi]));
      });
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var files = Array.prototype.slice.call(input.files || []);
      var problem = files.length ? null : 'chooseFile';
      files.some(function (f) { problem = Motcua.checkFile(f, { maxBytes: maxBytes, types: TYPES }); return problem; });
      if (problem) { error.textContent = t(problem); return; }
      var body = new FormData();
      files.forEach(function (f) { body.append(select.value, f, f.name); });
      button.disabled = true;
      progress.hidden = false;
      Motcua.upload(api(view.code) + '/supplements', body, {
        headers: keyHeaders(key), onProgress: function (f) { progress.value = f; }
      }).then(function (r) {
        if (r.status === 200) { render(r.body, key); announce(t('supplementSent')); return; }
        error.textContent = problemText(r);
      }).catch(function () { error.textContent = t('failed'); })
        .then(function () { button.disabled = false; progress.hidden = true; });
    });
    return form;
  }

  function ratingForm(view, key) {
    var error = el('p', { 'class': 'field-error', id: 'rating-error', role: 'alert' });
    var choices = RATING_LEVELS.map(function (l) {
      return el('label', { 'class': 'choice' }, [el('input', { type: 'radio', name: 'level', value: l[0] }), el('span', {}, [t(l[1])])]);
    });
    var comment = el('textarea', { id: 'rating-comment', maxlength: '1000' });
    var form = el('form', { id: 'rating' }, [
      el('fieldset', {}, [el('legend', {}, [t('rate')])].concat(choices)),
      el('label', { 'for': 'rating-comment' }, [t('rateComment')]), comment, error,
      el('div', { 'class': 'actions' }, [el('button', { type: 'submit', 'class': 'primary', id: 'rating-send' }, [t('rateSend')])])]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var chosen = form.querySelector('input[name=level]:checked');
      if (!chosen) { error.textContent = t('rateChoose'); return; }
      Motcua.json(api(view.code) + '/rating', {
        method: 'POST', headers: keyHeaders(key), body: { level: chosen.value, comment: comment.value }
      }).then(function (r) {
        if (r.status === 200) { render(r.body, key); return; }
        error.textContent = problemText(r);
      }).catch(function () { error.textContent = t('failed'); });
    });
    return form;
  }

  function withdrawal(view, key) {
    var reason = el('textarea', { id: 'withdraw-reason', maxlength: '500' });
    var error = el('p', { 'class': 'field-error', role: 'alert' });
    var confirm = el('button', { type: 'button', 'class': 'danger', id: 'withdraw-confirm' }, [t('withdrawConfirm')]);
    var details = el('div', { hidden: 'hidden', id: 'withdraw-details' }, [
      el('label', { 'for': 'withdraw-reason' }, [t('withdrawReason')]), reason, error, el('div', { 'class': 'actions' }, [confirm])]);
    var open = el('button', { type: 'button', 'class': 'danger', id: 'withdraw', 'aria-expanded': 'false',
      'aria-controls': 'withdraw-details' }, [t('withdraw')]);
    open.addEventListener('click', function () {
      details.hidden = !details.hidden;
      open.setAttribute('aria-expanded', String(!details.hidden));
    });
    confirm.addEventListener('click', function () {
      confirm.disabled = true;
      Motcua.json(api(view.code) + '/withdrawal', { method: 'POST', headers: keyHeaders(key), body: { reason: reason.value } })
        .then(function (r) {
          if (r.status === 200) { render(r.body, key); announce(t('withdrawDone')); return; }
          error.textContent = problemText(r);
          confirm.disabled = false;
        }).catch(function () { error.textContent = t('failed'); confirm.disabled = false; });
    });
    return el('section', { 'class': 'card', id: 'withdrawal' }, [open, details]);
  }

  function announce(text) {
    var summary = document.getElementById('summary');
    if (summary) { summary.appendChild(el('p', { 'class': 'ok', role: 'status' }, [text])); }
  }

  // Files need the lookup key in a header, so they are fetched and handed to the browser as a blob.
  function download(doc, key) {
    fetch(doc.href, { headers: keyHeaders(key) })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.blob(); })
      .then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: doc.fileName });
        document.body.appendChild(a); a.click(); a.remove();
      })
      .catch(function () { announce(t('failed')); });
  }

  function lookup(code, key) {
    current = { code: code, key: key };
    result.textContent = '';
    result.appendChild(el('p', { 'class': 'quiet' }, [t('loading')]));
    Motcua.json(api(code), { headers: keyHeaders(key) })
      .then(function (r) {
        if (r.status === 404) { throw new Error('notFound'); }
        if (r.status !== 200) { throw new Error('failed'); }
        render(r.body, key);
      })
      .catch(function (e) {
        result.textContent = '';
        result.appendChild(el('p', { 'class': 'error', role: 'alert' }, [t(e.message === 'notFound' ? 'notFound' : 'failed')]));
      });
  }

  document.getElementById('lookup').addEventListener('submit', function (e) {
    e.preventDefault();
    lookup(document.getElementById('code').value.trim(), document.getElementById('key').value.trim());
  });

  var params = new URLSearchParams(location.search);
  var fromHash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.get('ma')) {
    document.getElementById('code').value = params.get('ma');
    document.getElementById('key').value = fromHash.get('khoa') || '';
    lookup(params.get('ma'), fromHash.get('khoa') || '');
  }
  window.MotcuaTracking = { reload: function () { if (current) { lookup(current.code, current.key); } } };
})();
