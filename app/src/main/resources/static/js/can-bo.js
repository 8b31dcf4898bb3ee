// The clerks' pages (/can-bo/): mounts a task's Camunda Form with the pages core's form-js module
// (window.MotcuaForms, docs/pages.md) and completes the task with its values. No citizen text is ever put
// into the page as HTML here: messages go in with textContent.
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)MOTCUA-XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function showError(text) {
    var box = document.getElementById('form-error');
    if (box) {
      box.textContent = text;
      box.hidden = !text;
    }
  }

  function problemText(response) {
    return response.json().then(
      function (problem) { return (problem.title || '') + (problem.detail ? ': ' + problem.detail : ''); },
      function () { return 'HTTP ' + response.status; });
  }

  function taskForm(container) {
    var button = document.getElementById('complete');
    var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    var failed = lang === 'en' ? 'The form could not be loaded: ' : 'Không tải được biểu mẫu: ';
    if (!window.MotcuaForms) {
      showError(failed + 'form-js');
      return;
    }
    fetch(container.dataset.formUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { return problemText(response).then(function (t) { throw new Error(t); }); }
        return response.json();
      })
      .then(function (form) { return window.MotcuaForms.mount(container, { schema: form.schema, data: form.data }); })
      .then(function (handle) {
        button.disabled = false;
        button.addEventListener('click', function () {
          var result = handle.submit();
          if (!result.valid) {
            showError(lang === 'en' ? 'Please complete the marked fields.' : 'Vui lòng điền đủ các mục được đánh dấu.');
            return;
          }
          showError('');
          button.disabled = true;
          fetch(container.dataset.completeUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
            body: JSON.stringify({ values: result.data })
          }).then(function (response) {
            if (response.ok) {
              window.location.assign(container.dataset.doneUrl);
              return;
            }
            button.disabled = false;
            return problemText(response).then(showError);
          }, function (e) {
            button.disabled = false;
            showError(String(e));
          });
        });
      })
      .catch(function (e) { showError(failed + e.message); });
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  // The diagram's bundle (bpmn-js, ~60 kB gzipped) is fetched only when asked for: light on 3G.
  function diagram(element) {
    var button = document.getElementById('show-diagram');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      Promise.all([
        load('link', { rel: 'stylesheet', href: '/css/diagram.css' }),
        window.MotcuaDiagram ? Promise.resolve() : load('script', { src: '/js/diagram.js' })
      ]).then(function () {
        return window.MotcuaDiagram.show(element, element.dataset.bpmnUrl,
          (element.dataset.active || '').split(',').filter(Boolean));
      }).then(function () {
        button.hidden = true;
      }, function (e) {
        button.disabled = false;
        element.textContent = String(e.message || e);
      });
    });
  }

  function intake(formElement) {
    var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    var button = document.getElementById('submit-intake');
    var container = document.getElementById('start-form');
    if (!window.MotcuaForms) {
      showError('form-js');
      return;
    }
    fetch(formElement.dataset.formUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { return problemText(response).then(function (t) { throw new Error(t); }); }
        return response.json();
      })
      .then(function (form) { return window.MotcuaForms.mount(container, { schema: form.schema, data: {} }); })
      .then(function (handle) {
        button.disabled = false;
        var postBox = formElement.querySelector('#post-address-box');
        function delivery() {
          var chosen = formElement.querySelector('input[name=delivery]:checked');
          return chosen ? chosen.value : 'DESK';
        }
        formElement.querySelectorAll('input[name=delivery]').forEach(function (radio) {
          radio.addEventListener('change', function () { postBox.hidden = delivery() !== 'POST'; });
        });
        button.addEventListener('click', function () {
          var result = handle.submit();
          var name = formElement.querySelector('#a-name');
          var id = formElement.querySelector('#a-id');
          var postAddress = formElement.querySelector('#post-address').value.trim() ||
            formElement.querySelector('#a-address').value.trim();
          if (delivery() === 'POST' && !postAddress) {
            showError(lang === 'en' ? 'An address is needed to send the result by post.' : 'Cần địa chỉ để gửi kết quả qua bưu chính.');
            return;
          }
          if (!result.valid || !name.value.trim() || !id.value.trim()) {
            showError(lang === 'en' ? 'Please complete the marked fields.' : 'Vui lòng điền đủ các mục được đánh dấu.');
            return;
          }
          var competent = formElement.querySelector('#competentAgencyCode');
          var dossier = {
            procedureKey: formElement.dataset.procedure,
            agencyCode: formElement.querySelector('#agencyCode').value,
            competentAgencyCode: competent && competent.value.trim() ? competent.value.trim() : null,
            applicant: {
              name: name.value.trim(),
              identityNumber: id.value.trim(),
              phone: formElement.querySelector('#a-phone').value.trim() || null,
              email: formElement.querySelector('#a-email').value.trim() || null,
              address: formElement.querySelector('#a-address').value.trim() || null
            },
            data: result.data,
            scannedDocuments: [],
            resultDelivery: { method: delivery(), address: delivery() === 'POST' ? postAddress : null }
          };
          var body = new FormData();
          formElement.querySelectorAll('fieldset.cb-doc').forEach(function (fieldset) {
            var code = fieldset.dataset.code;
            var input = fieldset.querySelector('input[type=file]');
            Array.prototype.forEach.call(input.files, function (file) { body.append(code, file, file.name); });
            if (input.files.length && fieldset.querySelector('.scanned').checked) {
              dossier.scannedDocuments.push(code);
            }
          });
          body.append('dossier', new Blob([JSON.stringify(dossier)], { type: 'application/json' }));
          showError('');
          button.disabled = true;
          fetch('/api/dossiers', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
            body: body
          }).then(function (response) {
            if (response.status === 201) {
              return response.json().then(function (receipt) {
                formElement.hidden = true;
                var done = document.getElementById('receipt');
                document.getElementById('receipt-code').textContent = receipt.code;
                document.getElementById('receipt-key').textContent = receipt.lookupKey;
                document.getElementById('receipt-status').textContent = receipt.statusName;
                document.getElementById('receipt-dossier').href = '/can-bo/ho-so/' + encodeURIComponent(receipt.code);
                done.hidden = false;
                done.focus();
              });
            }
            button.disabled = false;
            return response.json().then(function (problem) {
              var lines = [(problem.title || '') + (problem.detail ? ': ' + problem.detail : '')];
              (problem.errors || []).forEach(function (e) { lines.push((e.field || '') + ': ' + (e.message || '')); });
              showError(lines.join('\n'));
            }, function () { showError('HTTP ' + response.status); });
          }, function (e) {
            button.disabled = false;
            showError(String(e));
          });
        });
      })
      .catch(function (e) { showError(e.message); });
  }

  // Result files (POST /api/dossiers/{code}/result); the API checks the role at the dossier's agencies.
  function resultUpload(form) {
    var message = document.getElementById('result-message');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('input[type=file]');
      if (!input.files.length) { return; }
      var body = new FormData();
      Array.prototype.forEach.call(input.files, function (file) { body.append('ket-qua', file, file.name); });
      fetch(form.dataset.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: body
      }).then(function (response) {
        if (response.ok) {
          window.location.reload();
          return;
        }
        return problemText(response).then(function (text) {
          message.textContent = text;
          message.hidden = false;
        });
      });
    });
  }

  // The desk payment form of the dossier view (PaymentSection): posts to the payment API, which checks the clerk
  // and the amount; its problem is shown as text, and the page is read again once the fee is recorded.
  function deskPayment(formElement) {
    var message = formElement.querySelector('.error');
    formElement.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = formElement.querySelector('button');
      button.disabled = true;
      message.hidden = true;
      fetch(formElement.getAttribute('data-action'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: JSON.stringify({
          amount: Number(formElement.elements.amount.value),
          method: formElement.elements.method.value
        })
      }).then(function (response) {
        if (response.ok) {
          window.location.reload();
          return null;
        }
        return problemText(response).then(function (text) { throw new Error(text); });
      }).catch(function (e) {
        button.disabled = false;
        message.textContent = e.message;
        message.hidden = false;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form.cb-desk-payment').forEach(deskPayment);
    var result = document.getElementById('result-upload');
    if (result) { resultUpload(result); }
    var desk = document.getElementById('intake');
    if (desk) { intake(desk); }
    var form = document.getElementById('task-form');
    if (form) { taskForm(form); }
    var bpmn = document.getElementById('diagram');
    if (bpmn) { diagram(bpmn); }
  });
})();
