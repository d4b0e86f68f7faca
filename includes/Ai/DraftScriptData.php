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
 * Tells the Insights app and the Settings app (window.footprintsAi)
 * whether drafting is available and where to send the owner to connect a
 * provider: the lead timeline's draft panel and the automation form's
 * "Draft with AI" need no request of their own to know what to show. The
 * draft route and the rule's save check the same availability; this only
 * shapes the screens.
 */
final class DraftScriptData implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param NurtureDraft $drafts Whether drafting is available.
	 */
	public function __construct( private NurtureDraft $drafts ) {}

	/**
	 * After the Insights or Settings page enqueued its app (priority 10).
	 */
	public function hook(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'add' ), 20 );
	}

	/**
	 * Adds the data before the app, on the Insights and Settings pages only.
	 */
	public function add(): void {
		$handles = array_filter( array( InsightsPage::HANDLE, SettingsPage::HANDLE ), static fn( string $handle ) => wp_script_is( $handle, 'enqueued' ) );
		if ( ! $handles ) {
			return;
		}
		$data = array(
			'availability'   => $this->drafts->availability(),
			'canManage'      => current_user_can( 'manage_options' ),
			'connectorsUrl'  => NurtureDraft::connectors_url(),
			'aiSettingsUrl'  => admin_url( 'admin.php?page=' . SettingsPage::SLUG . '&tab=ai' ),
			'automationsUrl' => admin_url( 'admin.php?page=' . SettingsPage::SLUG . '&tab=automations' ),
		);
		foreach ( $handles as $handle ) {
			wp_add_inline_script( $handle, 'window.footprintsAi = ' . wp_json_encode( $data ) . ';', 'before' );
		}
	}
}
