package io.taolun.core.ritual;

import java.util.List;

/** Port: the posted messages of each poll, as the outbox recorded them; all {@link PollFanout} reads. */
interface PostedPolls {
    /** The posted messages showing this poll. */
    List<Outbox.Posted> pollMessages(long pollId);
}
