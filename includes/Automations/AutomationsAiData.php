<?php
/**
 * AutomationsAiData.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Admin\SettingsPage;
use Footprints\Ai\NurtureDraft;
use Footprints\Hookable;

/**
 * Tells the Automations tab (window.footprintsAutomationsAi) whether a rule
 * may draft with AI, and where the owner connects a provider: the option
 * is hidden when the site switched AI off, explained with a link to
 * Settings → Connectors when no provider is connected. The save checks
 * the same availability (RuleInput), so this only shapes the form.
 */
final class AutomationsAiData implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param NurtureDraft $drafts Whether drafting is available.
	 */
	public function __construct( private NurtureDraft $drafts ) {}

	/**
	 * After the settings page enqueued its app (priority 10).
	 */
	public function hook(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'add' ), 20 );
	}

	/**
	 * Adds the data before the app, on the settings page of an admin only.
	 */
	public function add(): void {
		if ( ! wp_script_is( SettingsPage::HANDLE, 'enqueued' ) || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$data = array(
			'availability'  => $this->drafts->availability(),
			'connectorsUrl' => admin_url( 'options-connectors.php' ),
		);
		wp_add_inline_script( SettingsPage::HANDLE, 'window.footprintsAutomationsAi = ' . wp_json_encode( $data ) . ';', 'before' );
	}
}
