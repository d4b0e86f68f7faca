<?php
/**
 * Plugin.
 *
 * @package Footprints
 */

namespace Footprints;

use Footprints\Abilities\DefinitionAbilities;
use Footprints\Admin\SettingsPage;
use Footprints\Assets\Client;
use Footprints\Assets\ClientConsent;
use Footprints\Assets\ClientSettings;
use Footprints\Assets\ClientStub;
use Footprints\Assets\EditorScript;
use Footprints\Backend\ConnectedSites;
use Footprints\Backend\EventSink;
use Footprints\Backend\LocalEventSink;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Backend\RemoteEventSink;
use Footprints\Backend\SiteActivity;
use Footprints\Backend\SyncStatus;
use Footprints\Backend\Syncer;
use Footprints\Database\Lock;
use Footprints\Database\Migrator;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefaultDefinitions;
use Footprints\Definitions\DefinitionCache;
use Footprints\Definitions\DefinitionMirror;
use Footprints\Definitions\DefinitionQuery;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefinitionService;
use Footprints\Definitions\TriggerCounter;
use Footprints\Events\EventIngest;
use Footprints\Events\EventStore;
use Footprints\Rest\CollectController;
use Footprints\Rest\ConnectedSitesController;
use Footprints\Rest\ConnectionController;
use Footprints\Rest\DefinitionsController;
use Footprints\Rest\EventsController;
use Footprints\Settings\TrackingSettings;
use Footprints\Rest\SyncController;
use Footprints\Triggers\BlockTypes;
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
	 * Activation: bring the schema up to date (which seeds the system
	 * events) and add the starter definition.
	 */
	public static function activate(): void {
		$plugin = plugin();
		$plugin->migrator()->migrate();
		$plugin->default_definitions()->seed_starter();
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
			new ClientSettings( $this->client(), $this->client_consent(), $this->definitions(), $this->backend_settings() ),
			$this->client_consent(),
			new BlockTypes(),
			new Shortcode( $this->triggers() ),
			new TrackingPanel( $this->triggers() ),
			new EditorScript(),
			new CollectController( $this->ingest() ),
			new EventsController( $this->events() ),
			$this->backend_settings(),
			$this->connected_sites(),
			new DefinitionsController( $this->definition_service(), $this->connected_sites() ),
			new DefinitionAbilities( $this->definition_service() ),
			new ConnectionController( $this->backend_settings() ),
			new ConnectedSitesController( $this->connected_sites() ),
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
		// Seeding follows the code, so it runs after every successful migration.
		return $this->service( Migrator::class, fn() => new Migrator( $this->wpdb, FOOTPRINTS_DIR . '/migrations', fn() => $this->default_definitions()->seed_system_events() ) );
	}

	/**
	 * Event definitions stored on this site, one at a time (no rules: see definition_service()).
	 */
	public function definitions(): DefinitionRepository {
		return $this->service( DefinitionRepository::class, fn() => new DefinitionRepository( $this->wpdb, $this->definition_cache() ) );
	}

	/**
	 * The rules of reading and changing definitions, for REST, WP-CLI and abilities alike.
	 */
	public function definition_service(): DefinitionService {
		return $this->service( DefinitionService::class, fn() => new DefinitionService( $this->definitions(), $this->definition_query(), $this->backend_settings() ) );
	}

	/**
	 * Pages of definitions, and the enabled ones' schemas for the client.
	 */
	public function definition_query(): DefinitionQuery {
		return $this->service( DefinitionQuery::class, fn() => new DefinitionQuery( $this->wpdb ) );
	}

	/**
	 * Cached copies of definitions and the revision of the set.
	 */
	public function definition_cache(): DefinitionCache {
		return $this->service( DefinitionCache::class, fn() => new DefinitionCache() );
	}

	/**
	 * Replaces the local custom definitions with a sync's result.
	 */
	public function definition_mirror(): DefinitionMirror {
		return $this->service( DefinitionMirror::class, fn() => new DefinitionMirror( $this->wpdb, $this->definition_cache() ) );
	}

	/**
	 * Counts how often each definition was received.
	 */
	public function trigger_counter(): TriggerCounter {
		return $this->service( TriggerCounter::class, fn() => new TriggerCounter( $this->wpdb, $this->definition_cache() ) );
	}

	/**
	 * The system events and the starter definition a site starts with.
	 */
	public function default_definitions(): DefaultDefinitions {
		return $this->service( DefaultDefinitions::class, fn() => new DefaultDefinitions( $this->wpdb, $this->definitions(), $this->definition_cache() ) );
	}

	/**
	 * Which backend owns the definitions: this site, or a remote one (URL, app ID, key).
	 */
	public function backend_settings(): RemoteBackendSettings {
		return $this->service( RemoteBackendSettings::class, fn() => new RemoteBackendSettings() );
	}

	/**
	 * The hub's credentials: the sites connected to this one, each with its own key.
	 */
	public function connected_sites(): ConnectedSites {
		return $this->service( ConnectedSites::class, fn() => new ConnectedSites( $this->wpdb, new SiteActivity( $this->wpdb ) ) );
	}

	/**
	 * Where server-side events go: this site's collector, or the remote backend's.
	 * Chosen on each call, so a changed connection takes effect at once.
	 */
	public function event_sink(): EventSink {
		return $this->backend_settings()->is_remote() ? new RemoteEventSink( $this->backend_settings() ) : new LocalEventSink( $this->ingest() );
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
		return $this->service( Syncer::class, fn() => new Syncer( $this->definition_mirror(), $this->backend_settings(), $this->sync_status(), Lock::for_site( $this->wpdb, 'sync' ) ) );
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
		return $this->service( EventIngest::class, fn() => new EventIngest( $this->definitions(), $this->trigger_counter(), $this->events(), $this->coercer() ) );
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
	 * @template T of object
	 * @param string   $id      Class name.
	 * @param callable $factory Creates the service.
	 * @phpstan-param class-string<T> $id
	 * @phpstan-param callable(): T $factory
	 * @return T
	 */
	private function service( string $id, callable $factory ): object {
		if ( ! isset( $this->services[ $id ] ) ) {
			$this->services[ $id ] = $factory();
		}
		/**
		 * The factory made it of its class.
		 *
		 * @var T $service
		 */
		$service = $this->services[ $id ];
		return $service;
	}
}
