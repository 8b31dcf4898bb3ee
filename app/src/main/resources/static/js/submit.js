// Online submission (/thu-tuc/{key}/nop): the applicant, the procedure's start form rendered by the official form-js
// viewer (MotcuaForms), the documents checked before sending, how to receive the result, a review with the fee quote,
// then the multipart POST to the public submission API with upload progress, and the receipt. Text only.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var key = main.dataset.procedure;
  var maxBytes = Number(main.dataset.maxBytes);
  var TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
  var t = function (name) { return Motcua.msg(main, name); };
  var $ = function (id) { return document.getElementById(id); };
  var form = null;
  var pending = null; // the dossier built at review, sent on submit

  MotcuaForms.loadStartForm(key)
    .then(function (schema) { return MotcuaForms.mount($('start-form'), { schema: schema }); })
    .then(function (handle) {
      form = handle;
      main.dataset.formReady = 'true';
      if (window.performance && performance.mark) { performance.mark('motcua:form-ready'); }
    })
    .catch(function () {
      $('start-form').textContent = '';
      $('start-form').appendChild(Motcua.el('p', { 'class': 'error', role: 'alert' }, [t('formFailed')]));
    });

  function setError(id, text) {
    var target = $(id + '-error');
    var input = $(id);
    if (target) { target.textContent = text || ''; }
    if (input) {
      if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
    }
    return !text;
  }

  function value(id) { return ($(id).value || '').trim(); }

  function files(input) { return Array.prototype.slice.call(input.files || []); }

  function documentInputs() { return Array.prototype.slice.call(document.querySelectorAll('input[type=file][data-code]')); }

  function checkDocument(input) {
    var problem = null;
    files(input).some(function (f) { problem = Motcua.checkFile(f, { maxBytes: maxBytes, types: TYPES }); return problem; });
    if (!problem && input.dataset.required === 'true' && files(input).length === 0) { problem = 'docMissing'; }
    return setError(input.id, problem ? t(problem) : '');
  }

  documentInputs().forEach(function (input) {
    input.addEventListener('change', function () { checkDocument(input); });
  });

  function delivery() {
    var chosen = document.querySelector('input[name=delivery]:checked');
    return chosen ? chosen.value : 'DESK';
  }

  document.querySelectorAll('input[name=delivery]').forEach(function (radio) {
    radio.addEventListener('change', function () { $('post-address-box').hidden = delivery() !== 'POST'; });
  });

  function checkAll() {
    var ok = true;
    ok = setError('applicant-name', value('applicant-name') ? '' : t('required')) && ok;
    ok = setError('applicant-identity', /^\d{12}$/.test(value('applicant-identity')) ? '' : t('identity')) && ok;
    ok = setError('applicant-phone', /^(0|\+84)\d{9}$/.test(value('applicant-phone').replace(/[\s.]/g, '')) ? '' : t('phone')) && ok;
    var email = value('applicant-email');
    ok = setError('applicant-email', !email || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? '' : t('email')) && ok;
    ok = setError('agency', $('agency').value ? '' : t('required')) && ok;
    documentInputs().forEach(function (input) { ok = checkDocument(input) && ok; });
    ok = setError('post-address', delivery() !== 'POST' || value('post-address') ? '' : t('address')) && ok;
    var result = form ? form.submit() : { valid: false, data: {} };
    return { ok: ok && result.valid, data: result.data };
  }

  function showStep(step) {
    document.querySelectorAll('#steps li').forEach(function (li) {
      if (li.dataset.step === step) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
    });
    $('submission').hidden = step !== 'fill';
    $('review').hidden = step !== 'review';
    $('receipt').hidden = step !== 'receipt';
    var shown = step === 'fill' ? $('submission') : $(step);
    if (step !== 'fill') { shown.focus(); }
    window.scrollTo(0, 0);
  }

  function fact(list, name, text) {
    list.appendChild(Motcua.el('dt', {}, [name]));
    list.appendChild(Motcua.el('dd', {}, [text]));
  }

  function review(data) {
    var applicant = {
      name: value('applicant-name'),
      identityNumber: value('applicant-identity'),
      phone: value('applicant-phone').replace(/[\s.]/g, ''),
      email: value('applicant-email') || null,
      address: value('applicant-address') || null
    };
    var chosenDelivery = { method: delivery(), address: delivery() === 'POST' ? value('post-address') : null };
    pending = { procedureKey: key, agencyCode: $('agency').value, applicant: applicant, data: data, resultDelivery: chosenDelivery };

    var facts = $('review-facts');
    facts.textContent = '';
    fact(facts, t('applicant'), [applicant.name, applicant.identityNumber, applicant.phone, applicant.email]
      .filter(Boolean).join(' · '));
    fact(facts, t('agency'), $('agency').selectedOptions[0] ? $('agency').selectedOptions[0].textContent : '');
    var names = [];
    documentInputs().forEach(function (input) {
      files(input).forEach(function (f) { names.push(f.name); });
    });
    fact(facts, t('documents'), names.length ? names.join(', ') : t('noDocuments'));
    var label = document.querySelector('input[name=delivery]:checked + span');
    fact(facts, t('delivery'), (label ? label.textContent : '') + (chosenDelivery.address ? ': ' + chosenDelivery.address : ''));
    var formSummary = Motcua.el('ul', { 'class': 'plain' });
    Object.keys(data).forEach(function (k) {
      var v = data[k];
      if (v === null || v === undefined || v === '' || typeof v === 'object') { return; }
      var field = form && form.form.get('formFieldRegistry').getAll().filter(function (f) { return f.key === k; })[0];
      // What the person chose or typed as the form shows it: an option's label, a date as dd/MM/yyyy.
      var option = field && Array.isArray(field.values)
        ? field.values.filter(function (o) { return String(o.value) === String(v); })[0] : null;
      var text = typeof v === 'boolean' ? (v ? '✓' : '✗')
        : option ? option.label
        : field && field.type === 'datetime' && field.subtype === 'date' ? Motcua.formatDate(v) : String(v);
      formSummary.appendChild(Motcua.el('li', {}, [((field && (field.label || field.dateLabel)) || k) + ': ' + text]));
    });
    facts.appendChild(Motcua.el('dt', {}, [t('formFields')]));
    facts.appendChild(Motcua.el('dd', {}, [formSummary]));

    $('review-fee').textContent = '…';
    Motcua.json('/api/public/procedures/' + encodeURIComponent(key) + '/fee-quote', { method: 'POST', body: { data: data } })
      .then(function (r) {
        if (r.status !== 200) { throw new Error(r.status); }
        $('review-fee').textContent = r.body.amount === 0 ? t('free') : Motcua.formatMoney(r.body.amount);
      })
      .catch(function () { $('review-fee').textContent = t('feeUnknown'); });
    $('submit-error').textContent = '';
    showStep('review');
  }

  $('submission').addEventListener('submit', function (e) {
    e.preventDefault();
    // A field still being typed in holds its last change for a moment (form-js debounces); leaving it flushes it.
    if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
    var checked = checkAll();
    if (!checked.ok) {
      $('fill-error').textContent = t('fix');
      var first = document.querySelector('[aria-invalid=true], .fjs-has-errors input, .fjs-has-errors select, .fjs-has-errors textarea');
      if (first) { first.focus(); }
      return;
    }
    $('fill-error').textContent = '';
    review(checked.data);
  });

  $('edit-button').addEventListener('click', function () { showStep('fill'); });

  function problems(body) {
    var list = (body && (body.errors || body.problems)) || [];
    return list.map(function (p) { return (p.field ? p.field + ': ' : '') + (p.message || p.detail || ''); });
  }

  $('submit-button').addEventListener('click', function () {
    if (!pending) { return; }
    var button = $('submit-button');
    var progress = $('upload-progress');
    var body = new FormData();
    body.append('dossier', new Blob([JSON.stringify(pending)], { type: 'application/json' }));
    documentInputs().forEach(function (input) {
      files(input).forEach(function (f) { body.append(input.dataset.code, f, f.name); });
    });
    button.disabled = true;
    $('edit-button').disabled = true;
    progress.hidden = false;
    progress.value = 0;
    $('submit-error').textContent = t('sending');
    Motcua.upload('/api/public/dossiers', body, { onProgress: function (f) { progress.value = f; } })
      .then(function (r) {
        if (r.status === 201) {
          receipt(r.body);
          return;
        }
        var error = $('submit-error');
        error.textContent = t('refused') + ' ' + ((r.body && (r.body.title || r.body.detail)) || r.status);
        var list = Motcua.el('ul', { 'class': 'plain' }, problems(r.body).map(function (p) { return Motcua.el('li', {}, [p]); }));
        error.appendChild(list);
      })
      .catch(function () { $('submit-error').textContent = t('failed'); })
      .then(function () { button.disabled = false; $('edit-button').disabled = false; progress.hidden = true; });
  });

  function receipt(r) {
    $('receipt-code').textContent = r.code;
    $('receipt-key').textContent = r.lookupKey;
    $('receipt-status').textContent = r.statusName;
    // The key goes after '#', so it never reaches a server log.
    $('receipt-track').href = '/tra-cuu/?ma=' + encodeURIComponent(r.code) + '#khoa=' + encodeURIComponent(r.lookupKey);
    pending = null;
    showStep('receipt');
    // Hook for the receipt's QR code and slip (docs/pages.md): listeners get {code, lookupKey, trackingUrl}.
    document.dispatchEvent(new CustomEvent('motcua:submitted', {
      detail: { code: r.code, lookupKey: r.lookupKey, trackingUrl: $('receipt-track').href }
    }));
  }
})();
