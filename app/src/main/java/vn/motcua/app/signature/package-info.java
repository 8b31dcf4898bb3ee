/** Signatures over HTTP: anyone verifies a signed PDF ({@code POST /api/public/signatures/verify}). */
package vn.motcua.app.signature;
