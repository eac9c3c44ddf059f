#pragma once

#include <QThread>
#include <functional>
#include <limits>

namespace stockline::sync {

struct SqlStoreConfig;

// LISTENs on PostgreSQL's feed channel (SqlDialect::feedChannel) on a connection and a thread
// of its own, and calls `wake` with the cursor a commit took whenever any writer on the
// database (another node, an admin command) commits a change: the arbiter then reads the feed
// at once rather than at its next poll. Only a hint: the feed in the database stays the truth,
// and a notification is never replayed to a listener that was not connected. So when the
// connection drops it is opened again every few seconds, and `wake` is called with
// unknownCursor once it is back, for whatever was committed meanwhile.
class FeedListener
{
public:
    static constexpr qint64 unknownCursor = std::numeric_limits<qint64>::max();
    using Wake = std::function<void(qint64 cursor)>;

    FeedListener(const SqlStoreConfig& config, Wake wake);
    ~FeedListener();
    FeedListener(const FeedListener&) = delete;
    FeedListener& operator=(const FeedListener&) = delete;

private:
    QThread m_thread;
};

} // namespace stockline::sync
