// Starts paying a dossier's fee online: the dossier code and payment reference come from the link on the tracking
// page, the lookup key from the address's fragment (#khoa=…, never sent to the server in the address) or typed.
// Everything shown is set as text.
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var code = query.get('ma') || '';
  var reference = query.get('tham-chieu') || '';
  var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  var form = document.getElementById('pay-form');
  var key = document.getElementById('lookup-key');
  var message = document.getElementById('message');

  document.getElementById('dossier-code').textContent = code;
  document.getElementById('reference').textContent = reference;
  document.getElementById('back').href = '/tra-cuu/?ma=' + encodeURIComponent(code);
  key.value = fragment.get('khoa') || '';

  var problems = {
    'dossier-not-found': 'Mã hồ sơ, mã thanh toán hoặc mã tra cứu không đúng. — Wrong dossier code, payment reference or lookup key.',
    'online-payment-unavailable': 'Chưa có thanh toán trực tuyến: vui lòng nộp tại Bộ phận Một cửa. — Online payment is not available: please pay at the desk.',
    'payment-not-payable': 'Yêu cầu thanh toán này đã được thanh toán, đã hết hạn hoặc đã hủy. — This payment request is paid, expired or cancelled.'
  };

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    message.textContent = '';
    fetch('/api/public/dossiers/' + encodeURIComponent(code) + '/payments/' + encodeURIComponent(reference) + '/online', {
      method: 'POST',
      headers: { 'X-Lookup-Key': key.value.trim(), 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (answer.ok && /^https?:\/\//.test(answer.body.redirectUrl)) {
        location.assign(answer.body.redirectUrl);
        return;
      }
      var type = String((answer.body && answer.body.type) || '').replace(/^.*\//, '');
      message.textContent = problems[type] || 'Không bắt đầu được thanh toán. — The payment could not be started.';
    }).catch(function () {
      message.textContent = 'Không kết nối được máy chủ. — The server could not be reached.';
    });
  });
})();
