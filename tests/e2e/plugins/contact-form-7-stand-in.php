<?php
/**
 * Plugin Name: Contact Form 7 stand-in (Footprints e2e)
 * Description: What Contact Form 7 does around a submission, for the forms e2e (the plugin is not installable here): its version constant, a `[contact-form-7 id="12"]` form with its `wpcf7-form` class, and on a valid POST its `wpcf7_mail_sent` hook with WPCF7_ContactForm and WPCF7_Submission::get_instance()->get_posted_data() (tests/fixtures/form-plugins.php). An empty email is refused, as CF7's `email*` tag would: no hook then. Copied into mu-plugins by tests/e2e/forms.spec.ts and removed after.
 *
 * @package Footprints
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.NamingConventions.ValidHookName, WordPress.Security.NonceVerification -- Contact Form 7's own names; a test stand-in.

require_once dirname( __DIR__, 2 ) . '/fixtures/form-plugins.php';

define( 'WPCF7_VERSION', '6.1-stand-in' );

add_shortcode(
	'contact-form-7',
	static fn( $atts ) => sprintf(
		'<form class="wpcf7-form" method="post" action=""><input type="hidden" name="_wpcf7" value="%d"><input type="email" name="your-email" aria-label="Your email"><input name="your-company" aria-label="Company"><textarea name="your-message" aria-label="Message"></textarea><button type="submit">Send message</button></form>',
		absint( $atts['id'] ?? 0 )
	)
);

add_action(
	'template_redirect',
	static function () {
		if ( ! isset( $_POST['_wpcf7'] ) ) {
			return;
		}
		$posted = array_map( 'sanitize_text_field', wp_unslash( array_diff_key( $_POST, array( '_wpcf7' => true ) ) ) );
		if ( '' === ( $posted['your-email'] ?? '' ) ) {
			return;
		}
		WPCF7_Submission::$current = new WPCF7_Submission( $posted );
		do_action( 'wpcf7_mail_sent', new WPCF7_ContactForm( absint( $_POST['_wpcf7'] ), array( new WPCF7_FormTag( 'email', 'your-email' ), new WPCF7_FormTag( 'text', 'your-company' ) ) ) );
	}
);
