/**
 * Vietnamese text helpers: folding away diacritics for search and SMS.
 */
package vn.motcua.text;
