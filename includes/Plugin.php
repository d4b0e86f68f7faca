<?php
/**
 * Plugin.
 *
 * @package Footprints
 */

namespace Footprints;

use Footprints\Admin\SettingsPage;
use Footprints\Assets\Client;
use Footprints\Assets\ClientConsent;
use Footprints\Assets\ClientSettings;
use Footprints\Assets\ClientStub;
use Footprints\Assets\EditorScript;
use Footprints\Backend\AccessKey;
use Footprints\Backend\Connection;
use Footprints\Backend\SyncStatus;
use Footprints\Backend\Syncer;
use Footprints\Database\Lock;
use Footprints\Database\Migrator;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefaultDefinitions;
use Footprints\Events\EventIngest;
use Footprints\Events\EventStore;
use Footprints\Rest\CollectController;
use Footprints\Rest\ConnectionController;
use Footprints\Rest\DefinitionsController;
use Footprints\Rest\EventsController;
use Footprints\Settings\TrackingSettings;
use Footprints\Rest\SyncController;
use Footprints\Triggers\Blocks;
use Footprints\Triggers\Shortcode;
use Footprints\Triggers\TrackingPanel;
use Footprints\Triggers\TriggerMarkup;

/**
 * The service container: creates each service once, with its dependencies,
 * and lets each one hook itself.
 */
final class Plugin implements Hookable {

	/**
	 * Services created so far, by class name.
	 *
	 * @var array<class-string, object>
	 */
	private array $services = array();

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb WordPress' database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Activation: bring the schema up to date and add the starter definition.
	 */
	public static function activate(): void {
		$plugin = plugin();
		$plugin->migrator()->migrate();
		$plugin->definitions()->seed_system_events();
		( new DefaultDefinitions( $plugin->definitions() ) )->seed();
	}

	/**
	 * Deactivation: no scheduled sync runs while the plugin is off.
	 */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( Syncer::CRON_HOOK );
	}

	/**
	 * Hooks every service.
	 */
	public function hook(): void {
		// Updating the plugin files does not run the activation hook.
		add_action( 'init', array( $this->migrator(), 'migrate_if_needed' ), 1 );

		$services = array(
			$this->tracking_settings(),
			$this->client(),
			new ClientStub( $this->client() ),
			new ClientSettings( $this->client(), $this->client_consent(), $this->definitions(), $this->connection() ),
			$this->client_consent(),
			new Blocks(),
			new Shortcode( $this->triggers() ),
			new TrackingPanel( $this->triggers() ),
			new EditorScript(),
			new CollectController( $this->ingest() ),
			new EventsController( $this->events() ),
			$this->connection(),
			new DefinitionsController( $this->definitions(), $this->access_key(), $this->connection() ),
			new ConnectionController( $this->connection(), $this->access_key() ),
			$this->syncer(),
			new SyncController( $this->syncer(), $this->sync_status() ),
			new SettingsPage(),
		);
		foreach ( $services as $service ) {
			$service->hook();
		}
	}

	/**
	 * Applies the numbered schema migrations.
	 */
	public function migrator(): Migrator {
		return $this->service( Migrator::class, fn() => new Migrator( $this->wpdb, FOOTPRINTS_DIR . '/migrations' ) );
	}

	/**
	 * Event definitions stored on this site.
	 */
	public function definitions(): DefinitionRepository {
		return $this->service( DefinitionRepository::class, fn() => new DefinitionRepository( $this->wpdb ) );
	}

	/**
	 * Which backend owns the definitions.
	 */
	public function connection(): Connection {
		return $this->service( Connection::class, fn() => new Connection() );
	}

	/**
	 * This site's key for sites that sync from it.
	 */
	public function access_key(): AccessKey {
		return $this->service( AccessKey::class, fn() => new AccessKey() );
	}

	/**
	 * The last sync's result.
	 */
	public function sync_status(): SyncStatus {
		return $this->service( SyncStatus::class, fn() => new SyncStatus() );
	}

	/**
	 * Pulls definitions from a remote backend.
	 */
	public function syncer(): Syncer {
		return $this->service( Syncer::class, fn() => new Syncer( $this->definitions(), $this->connection(), $this->sync_status(), new Lock( $this->wpdb, 'footprints_sync' ) ) );
	}

	/**
	 * Received events stored on this site.
	 */
	public function events(): EventStore {
		return $this->service( EventStore::class, fn() => new EventStore( $this->wpdb ) );
	}

	/**
	 * Validates and stores events: the collector's and footprints_track()'s one path.
	 */
	public function ingest(): EventIngest {
		return $this->service( EventIngest::class, fn() => new EventIngest( $this->definitions(), $this->events(), $this->coercer() ) );
	}

	/**
	 * The site's privacy and debug choices for the client.
	 */
	public function tracking_settings(): TrackingSettings {
		return $this->service( TrackingSettings::class, fn() => new TrackingSettings() );
	}

	/**
	 * The front-end client's script module.
	 */
	public function client(): Client {
		return $this->service( Client::class, fn() => new Client( $this->tracking_settings() ) );
	}

	/**
	 * Consent, as the client gets it.
	 */
	public function client_consent(): ClientConsent {
		return $this->service( ClientConsent::class, fn() => new ClientConsent( $this->tracking_settings() ) );
	}

	/**
	 * Types attribute values by a definition's schema, alike everywhere.
	 */
	public function coercer(): AttributeCoercer {
		return $this->service( AttributeCoercer::class, fn() => new AttributeCoercer() );
	}

	/**
	 * Renders the markup contract for blocks and shortcodes.
	 */
	public function triggers(): TriggerMarkup {
		return $this->service( TriggerMarkup::class, fn() => new TriggerMarkup( $this->definitions(), $this->client(), $this->coercer() ) );
	}

	/**
	 * Returns the shared instance of a service, creating it on first use.
	 *
	 * @param string   $id      Class name.
	 * @param callable $factory Creates the service.
	 */
	private function service( string $id, callable $factory ): object {
		return $this->services[ $id ] ??= $factory();
	}
}
