<?php
/**
 * Who may read insights: administrators, through a capability stored on
 * their role (so a role editor can grant it to others), and nobody else
 * by default.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Capabilities;

final class InsightsCapabilityTest extends TestCase {

	public function test_administrators_may_read_insights_and_editors_may_not_until_granted(): void {
		$this->assertSame( 'footprints_view_insights', Capabilities::view_insights() );
		$this->log_in_as( 'administrator' );
		$this->assertTrue( Capabilities::current_user_views_insights() );
		$this->log_in_as( 'editor' );
		$this->assertFalse( Capabilities::current_user_views_insights() );

		$editor = get_role( 'editor' );
		$this->assertNotNull( $editor );
		$editor->add_cap( 'footprints_view_insights' );
		try {
			$this->log_in_as( 'editor' );
			$this->assertTrue( Capabilities::current_user_views_insights() );
		} finally {
			// The role lives in memory beyond the rolled-back transaction.
			$editor->remove_cap( 'footprints_view_insights' );
		}
	}
}
