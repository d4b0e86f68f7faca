<?php
/**
 * ClientSettings.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\People\IdentityLedger;
use Footprints\Backend\BackendUrl;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Collector\Reachability;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Hookable;

/**
 * What the client needs to know, printed as JSON beside the module: the
 * collector, the enabled event codes this page may send (no schemas: the
 * collector types and checks attributes), and consent. Its size does not
 * grow with the catalogue, and it discloses only the page's own codes.
 */
final class ClientSettings implements Hookable {

	/** The system event `footprints.page()` sends, when the site enabled it. */
	public const PAGE_EVENT = 'page_viewed';

	/** The system event identify(), alias() and group() send: any page may call them. */
	public const PROFILE_EVENT = IdentityLedger::PROFILE_EVENT;

	/**
	 * Constructor.
	 *
	 * @param Client                $client      The module, and the codes the page asked for.
	 * @param ClientConsent         $consent     Consent settings.
	 * @param DefinitionRepository  $definitions Stored definitions.
	 * @param RemoteBackendSettings $connection  Which backend receives the events.
	 * @param Reachability          $reachability Which of this site's collectors works here.
	 */
	public function __construct( private Client $client, private ClientConsent $consent, private DefinitionRepository $definitions, private RemoteBackendSettings $connection, private Reachability $reachability ) {}

	/**
	 * Prints the settings as the module's data.
	 */
	public function hook(): void {
		add_filter( 'script_module_data_' . Client::MODULE, array( $this, 'settings' ) );
	}

	/**
	 * The settings, keys as in src/client/settings.ts.
	 *
	 * @param array<string, mixed> $data Data other code added.
	 * @return array<string, mixed>
	 */
	public function settings( array $data ): array {
		$settings = array(
			'collect' => $this->collector_url(),
			'events'  => $this->codes(),
		) + $this->consent->settings();
		if ( $this->connection->is_remote() ) {
			// The app ID only: the API key is a server-side secret.
			$settings['app_id'] = $this->connection->get()['app_id'];
		}
		/**
		 * Filters the client's settings, e.g. to send events elsewhere:
		 * `collect` (URL) and `app_id`.
		 *
		 * @param array<string, mixed> $settings See src/client/settings.ts.
		 */
		return array_merge( $data, (array) apply_filters( 'footprints_client_settings', $settings ) );
	}

	/**
	 * The enabled event codes this page may send: its triggers', those code
	 * asked for, page_viewed when the site enabled it, and custom_data_updated
	 * (identify(), alias(), group()) unless the site disabled it.
	 *
	 * @return list<string>
	 */
	public function codes(): array {
		/**
		 * Filters the event codes the client of this page may send, e.g. to
		 * add `signed_up` for a theme that calls `footprints.track( 'signed_up' )`.
		 * Disabled and unknown codes are left out afterwards.
		 *
		 * @param string[] $codes Codes of the page's triggers, page_viewed and custom_data_updated.
		 */
		$codes   = (array) apply_filters( 'footprints_client_events', array_merge( $this->client->codes(), array( self::PAGE_EVENT, self::PROFILE_EVENT ) ) );
		$enabled = array_filter( $this->definitions->find_many( array_filter( $codes, 'is_string' ) ), static fn( array $definition ) => (bool) $definition['enabled'] );
		// Sorted: every visitor's page carries the same bytes, whatever the cache returned first.
		$codes = array_map( 'strval', array_keys( $enabled ) );
		sort( $codes );
		return $codes;
	}

	/**
	 * Where visitors' events go: this site's collector, or with a remote
	 * backend straight to the remote's (the same REST contract), so this
	 * WordPress is not in the hot path.
	 */
	private function collector_url(): string {
		if ( $this->connection->is_remote() ) {
			return BackendUrl::route( $this->connection->url(), 'collect' );
		}
		return $this->reachability->collect_url();
	}
}
