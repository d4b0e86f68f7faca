<?php
/**
 * DraftScriptData.
 *
 * @package Footprints
 */

namespace Footprints\Ai;

use Footprints\Admin\InsightsPage;
use Footprints\Admin\SettingsPage;
use Footprints\Hookable;

/**
 * Tells the Insights app (window.footprintsAi) whether the lead timeline
 * may offer a draft, and where to send the owner to connect a provider,
 * so the panel needs no request of its own to know what to show.
 */
final class DraftScriptData implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param NurtureDraft $drafts Whether drafting is available.
	 */
	public function __construct( private NurtureDraft $drafts ) {}

	/**
	 * After the Insights page enqueued its app (priority 10).
	 */
	public function hook(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'add' ), 20 );
	}

	/**
	 * Adds the data before the app, on the Insights page only.
	 */
	public function add(): void {
		if ( ! wp_script_is( InsightsPage::HANDLE, 'enqueued' ) ) {
			return;
		}
		$data = array(
			'availability'   => $this->drafts->availability(),
			'canManage'      => current_user_can( 'manage_options' ),
			'connectorsUrl'  => admin_url( 'options-connectors.php' ),
			'aiSettingsUrl'  => admin_url( 'admin.php?page=' . SettingsPage::SLUG . '&tab=ai' ),
			'automationsUrl' => admin_url( 'admin.php?page=' . SettingsPage::SLUG . '&tab=automations' ),
		);
		wp_add_inline_script( InsightsPage::HANDLE, 'window.footprintsAi = ' . wp_json_encode( $data ) . ';', 'before' );
	}
}
