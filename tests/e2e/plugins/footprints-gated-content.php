<?php
/**
 * Plugin Name: Footprints e2e: gated content
 * Description: A theme's sign-in prompt over gated content, as a shortcode, calling the documented footprints_prompt_auth action. Copied into the test site's mu-plugins by tests/e2e/accounts.spec.ts and removed after.
 *
 * @package Footprints
 */

add_shortcode(
	'footprints_e2e_gate',
	static function (): string {
		ob_start();
		echo '<div class="gate"><p>Sign in to read the rest of this guide.</p>';
		do_action( 'footprints_prompt_auth', array( 'content' => 'pricing-guide' ) );
		echo '</div>';
		return (string) ob_get_clean();
	}
);
