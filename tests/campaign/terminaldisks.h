#pragma once

#include <QString>
#include <QStringList>

namespace campaign {

// Each worker's terminal stores on a small tmpfs of its own, so that a full disk under them is
// real (issue 24): filling one leaves SQLite nothing to write with (SQLITE_FULL) until the
// filler goes. Needs root (mount).
class TerminalDisks
{
public:
    TerminalDisks() = default;
    ~TerminalDisks();
    TerminalDisks(const TerminalDisks&) = delete;
    TerminalDisks& operator=(const TerminalDisks&) = delete;

    // One tmpfs of `megabytes` per worker, under `parent`; false with error() saying why.
    [[nodiscard]] bool mount(int workers, const QString& parent, int megabytes);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString folder(int worker) const { return m_folders.value(worker); }

    // Writes a filler file until the disk refuses another byte; true once it is full.
    [[nodiscard]] bool fill(int worker);
    // Removes the filler.
    [[nodiscard]] bool free(int worker);

private:
    [[nodiscard]] QString filler(int worker) const;

    QStringList m_folders;
    QString m_error;
};

} // namespace campaign
