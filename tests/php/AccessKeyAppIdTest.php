<?php
/**
 * A site that syncs from this one sends its visitors' events here with the
 * app ID of this site's access key: accepted, and stored with that ID.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

final class AccessKeyAppIdTest extends TestCase {

	public function test_events_with_the_access_keys_app_id_are_accepted_and_others_refused(): void {
		$app_id = plugin()->access_key()->generate()['app_id'];

		$data = $this->collect(
			array(
				array(
					'id'     => 'evt_keyapp_001',
					'event'  => 'trial_click',
					'app_id' => $app_id,
				),
				array(
					'id'     => 'evt_keyapp_002',
					'event'  => 'trial_click',
					'app_id' => 'app_someoneelse',
				),
			)
		);

		$this->assertSame( 1, $data['accepted'] );
		$this->assertSame( array( 'footprints_unknown_app' ), array_column( $data['rejected'], 'code' ) );
		$this->assertSame( $app_id, plugin()->events()->query( array( 'event' => 'trial_click' ) )['items'][0]['app_id'] );
	}
}
