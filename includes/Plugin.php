<?php
/**
 * Plugin.
 *
 * @package Footprints
 */

namespace Footprints;

use Footprints\Admin\SettingsPage;
use Footprints\Assets\Client;
use Footprints\Assets\EditorScript;
use Footprints\Backend\AccessKey;
use Footprints\Backend\Connection;
use Footprints\Backend\SyncStatus;
use Footprints\Backend\Syncer;
use Footprints\Database\Lock;
use Footprints\Database\Migrator;
use Footprints\Cli\DrainCommand;
use Footprints\Collector\Buffer;
use Footprints\Collector\CollectorSettings;
use Footprints\Collector\Drainer;
use Footprints\Collector\DrainSchedule;
use Footprints\Collector\ConfigCompiler;
use Footprints\Collector\SiteAppId;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefaultDefinitions;
use Footprints\Events\EventIngest;
use Footprints\Events\EventStore;
use Footprints\Events\EventsTableCharset;
use Footprints\Events\EventWriter;
use Footprints\Events\Retention;
use Footprints\Events\RejectionCounter;
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
		$plugin->collector_config()->write();
	}

	/**
	 * Deactivation: no scheduled sync runs while the plugin is off.
	 */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( Syncer::CRON_HOOK );
		wp_clear_scheduled_hook( DrainSchedule::DRAIN_HOOK );
		wp_clear_scheduled_hook( DrainSchedule::DAILY_HOOK );
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
			new Blocks(),
			new Shortcode( $this->triggers() ),
			new TrackingPanel( $this->triggers() ),
			new EditorScript(),
			new EventsTableCharset( $this->wpdb ),
			$this->collector_settings(),
			$this->collector_config(),
			new CollectController( $this->ingest(), $this->collector_config() ),
			$this->drain_schedule(),
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
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			\WP_CLI::add_command( 'footprints', new DrainCommand( $this->drain_schedule() ) );
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
		return $this->service( EventIngest::class, fn() => new EventIngest( $this->collector_config(), new EventWriter( $this->wpdb ), $this->rejections() ) );
	}

	/**
	 * Moves the fast collector's buffer into the events table.
	 */
	public function drainer(): Drainer {
		return $this->service(
			Drainer::class,
			fn() => new Drainer( $this->wpdb, new Buffer( $this->collector_config()->data_dir()->buffer_dir(), Buffer::node_name() ), new EventWriter( $this->wpdb ), $this->rejections() )
		);
	}

	/**
	 * When the drain and the retention purge run.
	 */
	public function drain_schedule(): DrainSchedule {
		return $this->service( DrainSchedule::class, fn() => new DrainSchedule( $this->drainer(), new Retention( $this->wpdb ), $this->collector_settings(), $this->collector_config() ) );
	}

	/**
	 * Rejected events, counted per code and reason.
	 */
	public function rejections(): RejectionCounter {
		return $this->service( RejectionCounter::class, fn() => new RejectionCounter( $this->wpdb ) );
	}

	/**
	 * This site's own app ID.
	 */
	public function site_app_id(): SiteAppId {
		return $this->service( SiteAppId::class, fn() => new SiteAppId() );
	}

	/**
	 * The site owner's collector choices (retention, trusted proxy header).
	 */
	public function collector_settings(): CollectorSettings {
		return $this->service( CollectorSettings::class, fn() => new CollectorSettings() );
	}

	/**
	 * What the collectors judge by, compiled for the fast collector.
	 */
	public function collector_config(): ConfigCompiler {
		return $this->service( ConfigCompiler::class, fn() => new ConfigCompiler( $this->wpdb, $this->definitions(), $this->site_app_id(), $this->collector_settings() ) );
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
		return $this->service( Client::class, fn() => new Client( $this->definitions(), $this->tracking_settings(), $this->connection() ) );
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
