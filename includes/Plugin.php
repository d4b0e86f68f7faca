<?php
/**
 * Plugin.
 *
 * @package Footprints
 */

namespace Footprints;

use Footprints\Abilities\BriefAbility;
use Footprints\Abilities\DefinitionAbilities;
use Footprints\Abilities\EventDefinitionsAbility;
use Footprints\Abilities\InsightsAbilities;
use Footprints\Abilities\JourneyAbility;
use Footprints\Abilities\LeadInput;
use Footprints\Abilities\TrackAbility;
use Footprints\Ai\AiSettings;
use Footprints\Ai\DraftScriptData;
use Footprints\Ai\NurtureDraft;
use Footprints\Admin\InsightsPage;
use Footprints\Admin\SettingsPage;
use Footprints\Assets\Client;
use Footprints\Automations\AutomationSchedule;
use Footprints\Automations\AutomationSettings;
use Footprints\Automations\DeliveryHttp;
use Footprints\Automations\DeliveryLog;
use Footprints\Automations\PauseNotice;
use Footprints\Automations\Payload;
use Footprints\Automations\PayloadAdditions;
use Footprints\Automations\QueueListener;
use Footprints\Automations\RuleInput;
use Footprints\Automations\RuleService;
use Footprints\Automations\RuleStore;
use Footprints\Automations\RunKick;
use Footprints\Automations\TestSend;
use Footprints\Automations\Worker;
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
use Footprints\Cli\AutomationsCommand;
use Footprints\Cli\DrainCommand;
use Footprints\Collector\Buffer;
use Footprints\Collector\CollectorHealth;
use Footprints\Collector\CollectorSettings;
use Footprints\Collector\CollectorStatus;
use Footprints\Collector\IngestGate;
use Footprints\Collector\QuietIngest;
use Footprints\Collector\Reachability;
use Footprints\Collector\RedisStream;
use Footprints\Collector\Drainer;
use Footprints\Collector\DrainSchedule;
use Footprints\Collector\ConfigCompiler;
use Footprints\Collector\SiteAppId;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefaultDefinitions;
use Footprints\Definitions\DefinitionCache;
use Footprints\Definitions\DefinitionMirror;
use Footprints\Definitions\DefinitionQuery;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefinitionService;
use Footprints\Definitions\TriggerCounter;
use Footprints\Events\EventIngest;
use Footprints\Events\EventPurge;
use Footprints\Events\EventStore;
use Footprints\Events\EventsTableCharset;
use Footprints\Events\EventWriter;
use Footprints\Events\Retention;
use Footprints\Events\RejectionCounter;
use Footprints\Forms\ClientForms;
use Footprints\Forms\FormDeriver;
use Footprints\Forms\FormPluginHooks;
use Footprints\Forms\FormPlugins;
use Footprints\Forms\FormSettings;
use Footprints\Forms\FormsController;
use Footprints\People\IdentityLedger;
use Footprints\People\BriefSteps;
use Footprints\People\BriefWho;
use Footprints\People\LeadBrief;
use Footprints\People\PeopleBackfill;
use Footprints\People\PeopleExport;
use Footprints\People\PeopleExports;
use Footprints\People\PeopleQuery;
use Footprints\People\SignInLink;
use Footprints\People\Timeline;
use Footprints\People\TimelineExport;
use Footprints\Insights\DailyTotals;
use Footprints\Insights\DashboardSummary;
use Footprints\Insights\Export\DashboardExportViews;
use Footprints\Insights\LiveEvents;
use Footprints\Insights\SiteChoices;
use Footprints\Insights\UniqueDevices;
use Footprints\Insights\Paths\PathPeopleExport;
use Footprints\Insights\Paths\PathQuery;
use Footprints\Privacy\Deidentification;
use Footprints\Privacy\Deidentifier;
use Footprints\Privacy\DeliveryBodies;
use Footprints\Privacy\PeopleOfEmail;
use Footprints\Privacy\PersonalAttributes;
use Footprints\Privacy\PersonalDataEraser;
use Footprints\Privacy\PersonalDataExporter;
use Footprints\Privacy\PersonalEvents;
use Footprints\Privacy\PrivacyPolicyText;
use Footprints\Rest\AiSettingsController;
use Footprints\Rest\AutomationsController;
use Footprints\Rest\DraftController;
use Footprints\Rest\AutomationsLogController;
use Footprints\Rest\CollectController;
use Footprints\Rest\CollectorController;
use Footprints\Rest\EventPurgeController;
use Footprints\Rest\ConnectedSitesController;
use Footprints\Rest\ConnectionController;
use Footprints\Rest\DefinitionsController;
use Footprints\Rest\EventsController;
use Footprints\Rest\PeopleController;
use Footprints\Rest\BriefController;
use Footprints\Rest\InsightsController;
use Footprints\Rest\ExportController;
use Footprints\Rest\CountsController;
use Footprints\Admin\AtAGlanceWidget;
use Footprints\Insights\DailyCounts;
use Footprints\Insights\DefinitionLabels;
use Footprints\Insights\Export\EventsExport;
use Footprints\Insights\Export\ExportViews;
use Footprints\Rest\PathsController;
use Footprints\Settings\TrackingSettings;
use Footprints\SystemEvents\AccountVerified;
use Footprints\SystemEvents\AuthStartedTrigger;
use Footprints\SystemEvents\LoadTrigger;
use Footprints\SystemEvents\LoginPageClient;
use Footprints\SystemEvents\PromptAuthTrigger;
use Footprints\SystemEvents\ServerEvents;
use Footprints\SystemEvents\SignInEvent;
use Footprints\Rest\ServerEventsController;
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
		$plugin->collector_config()->write();
		$plugin->reachability()->test();
	}

	/**
	 * Deactivation: no scheduled sync runs while the plugin is off.
	 */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( Syncer::CRON_HOOK );
		wp_clear_scheduled_hook( DrainSchedule::DRAIN_HOOK );
		wp_clear_scheduled_hook( DrainSchedule::DAILY_HOOK );
		wp_clear_scheduled_hook( Reachability::CRON_HOOK );
		wp_clear_scheduled_hook( Reachability::CRON_HOOK, array( 'retry' ) );
		AutomationSchedule::unschedule();
	}

	/**
	 * Hooks every service.
	 */
	public function hook(): void {
		// Updating the plugin files does not run the activation hook.
		add_action( 'init', array( $this->migrator(), 'migrate_if_needed' ), 1 );
		add_action( 'init', array( $this->default_definitions(), 'seed_system_events_if_changed' ), 2 );

		$services = array(
			$this->tracking_settings(),
			$this->client(),
			new ClientStub( $this->client() ),
			new ClientSettings( $this->client(), $this->client_consent(), $this->definitions(), $this->backend_settings(), $this->reachability() ),
			$this->client_consent(),
			new BlockTypes(),
			new Shortcode( $this->triggers() ),
			new TrackingPanel( $this->triggers() ),
			new EditorScript(),
			new EventsTableCharset( $this->wpdb ),
			$this->collector_settings(),
			$this->collector_config(),
			new CollectController( $this->ingest(), $this->collector_config() ),
			new ServerEventsController( $this->ingest(), $this->collector_config(), $this->connected_sites() ),
			$this->drain_schedule(),
			$this->reachability(),
			$this->collector_health(),
			new EventPurgeController( $this->event_purge() ),
			new CollectorController( $this->collector_status(), $this->reachability(), $this->drain_schedule(), $this->rejections() ),
			new EventsController( $this->events() ),
			new PathsController( $this->path_query() ),
			new PathPeopleExport( $this->path_query() ),
			$this->backend_settings(),
			$this->connected_sites(),
			new DefinitionsController( $this->definition_service(), $this->connected_sites() ),
			new DefinitionAbilities( $this->definition_service() ),
			new EventDefinitionsAbility( $this->definition_service() ),
			new JourneyAbility( new LeadInput( $this->people_query(), $this->people_of_email() ), $this->people_query(), $this->timeline(), $this->definitions(), new BriefWho( $this->form_settings() ) ),
			new BriefAbility( new LeadInput( $this->people_query(), $this->people_of_email() ), $this->lead_brief() ),
			new InsightsAbilities( $this->dashboard_summary(), $this->path_query() ),
			new TrackAbility( $this->definitions(), $this->coercer() ),
			new ConnectionController( $this->backend_settings() ),
			new ConnectedSitesController( $this->connected_sites() ),
			$this->syncer(),
			new SyncController( $this->syncer(), $this->sync_status() ),
			new SettingsPage(),
			new SignInLink(),
			new PeopleBackfill( $this->wpdb, new IdentityLedger( $this->wpdb ) ),
			new PeopleController( $this->people_query(), $this->timeline() ),
			new BriefController( $this->lead_brief() ),
			new PeopleExports( new PeopleExport( $this->people_query() ), new TimelineExport( $this->people_query(), $this->timeline() ) ),
			new InsightsPage(),
			new InsightsController( $this->dashboard_summary(), $this->live_events(), $this->site_choices() ),
			new DashboardExportViews( $this->dashboard_summary(), $this->live_events() ),
			new ExportController( new ExportViews() ),
			new EventsExport( $this->wpdb, $this->definition_labels() ),
			new CountsController( $this->daily_counts() ),
			new AtAGlanceWidget( $this->daily_counts(), $this->definition_labels() ),
			new ClientForms( $this->form_settings(), new FormPlugins(), $this->client() ),
			new FormPluginHooks( $this->form_settings(), $this->server_events() ),
			new FormsController( $this->form_settings(), new FormPlugins() ),
			new PersonalDataExporter( $this->people_of_email(), $this->personal_events(), $this->definition_labels() ),
			new PersonalDataEraser( $this->wpdb, $this->people_of_email(), $this->personal_events(), new Deidentifier( $this->wpdb ), new DeliveryBodies( $this->wpdb ), $this->quiet_ingest() ),
			new Deidentification( $this->people_of_email(), $this->server_events() ),
			new PrivacyPolicyText( $this->collector_settings(), $this->backend_settings() ),
			new AutomationsController( $this->automation_rules(), new TestSend( $this->rule_store(), $this->automation_payloads(), new DeliveryHttp(), $this->delivery_log(), $this->payload_additions() ) ),
			new AutomationsLogController( $this->delivery_log(), $this->automation_settings() ),
			$this->run_kick(),
			new AutomationSchedule( fn() => $this->automation_worker(), $this->delivery_log() ),
			new PauseNotice( $this->rule_store(), $this->automation_settings() ),
			new SignInEvent( $this->server_events() ),
			new AccountVerified( $this->wpdb, $this->server_events(), $this->site_app_id() ),
			new AuthStartedTrigger( new LoadTrigger( $this->triggers() ) ),
			new PromptAuthTrigger( new LoadTrigger( $this->triggers() ) ),
			new LoginPageClient( $this->client(), $this->server_events() ),
			new DraftController( $this->lead_brief(), $this->nurture_draft() ),
			new AiSettingsController( $this->ai_settings(), $this->nurture_draft() ),
			new DraftScriptData( $this->nurture_draft() ),
		);
		foreach ( $services as $service ) {
			$service->hook();
		}
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			\WP_CLI::add_command( 'footprints', new DrainCommand( $this->drain_schedule() ) );
			\WP_CLI::add_command( 'footprints automations', new AutomationsCommand( fn() => $this->automation_worker() ) );
		}
	}

	/**
	 * Records the system events WordPress tells of (sign-in, new account).
	 */
	public function server_events(): ServerEvents {
		return $this->service( ServerEvents::class, fn() => new ServerEvents( $this->definitions() ) );
	}

	/**
	 * Reads people (the People screen, its export, the timelines).
	 */
	public function people_query(): PeopleQuery {
		return $this->service( PeopleQuery::class, fn() => new PeopleQuery( $this->wpdb ) );
	}

	/**
	 * The people an email leads to (WordPress' privacy tools).
	 */
	public function people_of_email(): PeopleOfEmail {
		return $this->service( PeopleOfEmail::class, fn() => new PeopleOfEmail( $this->wpdb ) );
	}

	/**
	 * A person's events, read and erased a page at a time.
	 */
	public function personal_events(): PersonalEvents {
		return $this->service( PersonalEvents::class, fn() => new PersonalEvents( $this->wpdb, new PersonalAttributes() ) );
	}

	/**
	 * Reads a person's or a device's timeline.
	 */
	public function timeline(): Timeline {
		return $this->service( Timeline::class, fn() => new Timeline( $this->wpdb, $this->definition_labels() ) );
	}

	/**
	 * The readable summary of a lead's journey.
	 */
	public function lead_brief(): LeadBrief {
		return $this->service(
			LeadBrief::class,
			function () {
				$who = new BriefWho( $this->form_settings() );
				return new LeadBrief( $this->people_query(), $this->timeline(), $this->definitions(), $who, new BriefSteps( new PersonalAttributes(), $who ) );
			}
		);
	}

	/**
	 * Nurture emails drafted by the site owner's AI provider.
	 */
	public function nurture_draft(): NurtureDraft {
		return $this->service( NurtureDraft::class, fn() => new NurtureDraft( $this->ai_settings() ) );
	}

	/**
	 * The site owner's instructions for AI drafts.
	 */
	public function ai_settings(): AiSettings {
		return $this->service( AiSettings::class, fn() => new AiSettings() );
	}

	/**
	 * Names and colors of event codes, for the insights.
	 */
	public function definition_labels(): DefinitionLabels {
		return $this->service( DefinitionLabels::class, fn() => new DefinitionLabels( $this->wpdb ) );
	}

	/**
	 * Event counts per code and UTC day, from the daily rollups.
	 */
	public function daily_counts(): DailyCounts {
		return $this->service( DailyCounts::class, fn() => new DailyCounts( $this->wpdb ) );
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
		return $this->service( DefinitionService::class, fn() => new DefinitionService( $this->definitions(), $this->definition_query(), $this->backend_settings(), $this->quiet_ingest() ) );
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
	 * Of the people who did A, how many did B within a window.
	 */
	public function path_query(): PathQuery {
		return $this->service( PathQuery::class, fn() => new PathQuery( $this->wpdb ) );
	}

	/**
	 * Validates and stores events: the collector's and footprints_track()'s one path.
	 */
	public function ingest(): EventIngest {
		return $this->service( EventIngest::class, fn() => new EventIngest( $this->collector_config(), $this->event_writer(), $this->rejections() ) );
	}

	/**
	 * The one writer of events, for both collectors' paths: what it derives
	 * from stored events and who hears of them are listed here.
	 */
	public function event_writer(): EventWriter {
		return $this->service(
			EventWriter::class,
			fn() => new EventWriter(
				$this->wpdb,
				$this->trigger_counter(),
				new IdentityLedger( $this->wpdb ),
				array( new FormDeriver( $this->wpdb, $this->form_settings(), $this->definitions() ) ),
				array( new QueueListener( $this->wpdb, $this->rule_store(), $this->run_kick() ) )
			)
		);
	}

	/**
	 * The site owner's form tracking choices.
	 */
	public function form_settings(): FormSettings {
		return $this->service( FormSettings::class, fn() => new FormSettings() );
	}

	/**
	 * The automation rules table and its index of active rules.
	 */
	public function rule_store(): RuleStore {
		return $this->service( RuleStore::class, fn() => new RuleStore( $this->wpdb ) );
	}

	/**
	 * The rules of reading and changing automation rules.
	 */
	public function automation_rules(): RuleService {
		return $this->service( RuleService::class, fn() => new RuleService( $this->rule_store(), new RuleInput( $this->definitions(), $this->nurture_draft() ), $this->delivery_log(), $this->run_kick() ) );
	}

	/**
	 * Pausing, log retention and log bodies.
	 */
	public function automation_settings(): AutomationSettings {
		return $this->service( AutomationSettings::class, fn() => new AutomationSettings() );
	}

	/**
	 * A row per delivery attempt.
	 */
	public function delivery_log(): DeliveryLog {
		return $this->service( DeliveryLog::class, fn() => new DeliveryLog( $this->wpdb, $this->automation_settings() ) );
	}

	/**
	 * What automations send about an event.
	 */
	public function automation_payloads(): Payload {
		return $this->service( Payload::class, fn() => new Payload( $this->wpdb, $this->definitions() ) );
	}

	/**
	 * The lead brief and AI draft an automation may add to what it sends.
	 */
	public function payload_additions(): PayloadAdditions {
		return $this->service( PayloadAdditions::class, fn() => new PayloadAdditions( $this->lead_brief(), $this->nurture_draft() ) );
	}

	/**
	 * Works the automations' delivery queue.
	 */
	public function automation_worker(): Worker {
		return $this->service( Worker::class, fn() => new Worker( $this->wpdb, $this->rule_store(), $this->automation_payloads(), new DeliveryHttp(), $this->delivery_log(), $this->automation_settings(), $this->payload_additions() ) );
	}

	/**
	 * Wakes the worker by a loopback request after events were queued.
	 */
	public function run_kick(): RunKick {
		return $this->service( RunKick::class, fn() => new RunKick( $this->wpdb, fn() => $this->automation_worker() ) );
	}

	/**
	 * Moves the fast collector's buffer into the events table.
	 */
	public function drainer(): Drainer {
		return $this->service(
			Drainer::class,
			fn() => new Drainer( $this->wpdb, $this->buffer(), $this->event_writer(), $this->rejections(), $this->collector_config() )
		);
	}

	/**
	 * When the drain and the retention purge run.
	 */
	public function drain_schedule(): DrainSchedule {
		return $this->service( DrainSchedule::class, fn() => new DrainSchedule( $this->drainer(), new Retention( $this->wpdb ), $this->collector_settings(), $this->collector_config() ) );
	}

	/**
	 * Which collector visitors use, by the self-test.
	 */
	public function reachability(): Reachability {
		return $this->service( Reachability::class, fn() => new Reachability( $this->collector_config() ) );
	}

	/**
	 * How collection stands.
	 */
	public function collector_status(): CollectorStatus {
		return $this->service( CollectorStatus::class, fn() => new CollectorStatus( $this->reachability(), $this->buffer(), $this->collector_settings() ) );
	}

	/**
	 * The Redis stream between collectors and the drain, when configured.
	 */
	public function redis_stream(): ?RedisStream {
		$settings = $this->collector_config()->current()->redis();
		return $settings ? new RedisStream( $settings ) : null;
	}

	/**
	 * Holds ingest still, with every accepted event stored, for a change.
	 */
	public function quiet_ingest(): QuietIngest {
		return $this->service( QuietIngest::class, fn() => new QuietIngest( new IngestGate( $this->collector_config()->data_dir()->path ), $this->drainer() ) );
	}

	/**
	 * Purges the events of one code.
	 */
	public function event_purge(): EventPurge {
		return $this->service( EventPurge::class, fn() => new EventPurge( $this->wpdb, $this->quiet_ingest() ) );
	}

	/**
	 * The Site Health test of collection.
	 */
	public function collector_health(): CollectorHealth {
		return $this->service( CollectorHealth::class, fn() => new CollectorHealth( $this->collector_status(), $this->collector_config() ) );
	}

	/**
	 * This node's buffer of the fast collector.
	 */
	public function buffer(): Buffer {
		return $this->service( Buffer::class, fn() => new Buffer( $this->collector_config()->data_dir()->buffer_dir(), Buffer::node_name() ) );
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
		return $this->service( ConfigCompiler::class, fn() => new ConfigCompiler( $this->wpdb, $this->definition_cache(), $this->site_app_id(), $this->collector_settings() ) );
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
	 * Reads of the daily rollups.
	 */
	public function daily_totals(): DailyTotals {
		return $this->service( DailyTotals::class, fn() => new DailyTotals( $this->wpdb ) );
	}

	/**
	 * The dashboard's numbers, from the daily rollups.
	 */
	public function dashboard_summary(): DashboardSummary {
		return $this->service( DashboardSummary::class, fn() => new DashboardSummary( $this->daily_totals(), new UniqueDevices( $this->daily_totals() ), $this->definition_labels() ) );
	}

	/**
	 * The latest received events.
	 */
	public function live_events(): LiveEvents {
		return $this->service( LiveEvents::class, fn() => new LiveEvents( $this->wpdb, $this->events(), $this->definition_labels() ) );
	}

	/**
	 * The sites whose events this site holds (this one, and a hub's connected sites).
	 */
	public function site_choices(): SiteChoices {
		return $this->service( SiteChoices::class, fn() => new SiteChoices( $this->wpdb, $this->connected_sites(), $this->site_app_id() ) );
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
