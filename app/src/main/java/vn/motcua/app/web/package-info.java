/**
 * What every HTTP endpoint shares: errors as problem details and the multipart submission format.
 */
package vn.motcua.app.web;
