pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Live stock: every SKU at every location with on hand, reserved and available, as the
// server pushes them. Type to search (SKU or name), F2 the location, F3 low stock only,
// Enter a SKU's history from the server's ledger, Esc back. Shared by the till and the dock:
// it needs only the Stock singleton.
Item {
    id: screen

    property bool covered: false
    readonly property bool keysEnabled: visible && !covered
    readonly property var levels: Stock.levels

    signal done()

    function refocus() { search.forceActiveFocus() }
    function nextLocation() {
        const all = [""].concat(levels.locations)
        levels.location = all[(all.indexOf(levels.location) + 1) % all.length]
    }
    function showHistory() {
        const row = stockView.currentIndex
        if (row >= 0)
            Stock.history.load(levels.skuAt(row), levels.locationAt(row))
    }

    onVisibleChanged: if (visible) { levels.reload(); refocus() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: search
                objectName: "stockSearch"
                Layout.fillWidth: true
                Layout.preferredWidth: 400
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("Search by SKU or name")
                onTextChanged: screen.levels.searchText = text
                Keys.onUpPressed: stockView.decrementCurrentIndex()
                Keys.onDownPressed: stockView.incrementCurrentIndex()
                Keys.onReturnPressed: screen.showHistory()
                Keys.onEnterPressed: screen.showHistory()
                Keys.onEscapePressed: screen.done()
            }
            Label {
                objectName: "stockCount"
                text: screen.levels.filtering ? qsTr("searching…")
                      : qsTr("%1 of %2").arg(screen.levels.count).arg(screen.levels.totalCount)
                color: Theme.muted
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel
                border.color: Theme.line
                radius: Theme.radius
                clip: true

                Rectangle {
                    id: columns
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 1
                    height: 32
                    color: Theme.background
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        anchors.rightMargin: 12
                        Label { text: qsTr("Product"); Layout.fillWidth: true; color: Theme.muted }
                        Label { text: qsTr("Location"); Layout.preferredWidth: 120; color: Theme.muted }
                        Label { text: qsTr("On hand"); Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; color: Theme.muted }
                        Label { text: qsTr("Reserved"); Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; color: Theme.muted }
                        Label { text: qsTr("Available"); Layout.preferredWidth: 90; horizontalAlignment: Text.AlignRight; color: Theme.muted }
                    }
                }
                ListView {
                    id: stockView
                    objectName: "stockView"
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: columns.bottom
                    anchors.bottom: parent.bottom
                    anchors.margins: 1
                    clip: true
                    model: screen.levels
                    currentIndex: count > 0 ? 0 : -1
                    // Rows are made as they scroll in, never ahead: the list is replaced at every
                    // keystroke, and Qt 6.4 warns when it drops a row it was still making.
                    cacheBuffer: 0
                    delegate: Rectangle {
                        id: row
                        required property int index
                        required property string sku
                        required property string name
                        required property string location
                        required property var onHand
                        required property var reserved
                        required property var available
                        required property var reorderPoint
                        required property bool low
                        required property bool flashing
                        // "12", or "12.500 kg" of a product sold by weight
                        required property string onHandText
                        required property string reservedText
                        required property string availableText
                        width: stockView.width
                        height: 44
                        color: flashing ? Theme.warningBackground
                             : index === stockView.currentIndex ? Theme.selection
                             : low ? "#fdecec" : Theme.panel
                        Behavior on color { ColorAnimation { duration: 300 } }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: { stockView.currentIndex = row.index; screen.showHistory() }
                        }
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 12
                            anchors.rightMargin: 12
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label { text: row.name; elide: Text.ElideRight; Layout.fillWidth: true; font.bold: true }
                                Label { text: row.sku; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                            }
                            Label { text: row.location; Layout.preferredWidth: 120 }
                            Label { text: row.onHandText; Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight }
                            Label { text: row.reservedText; Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight }
                            Label {
                                text: row.low ? qsTr("%1 low").arg(row.availableText) : row.availableText
                                Layout.preferredWidth: 90
                                horizontalAlignment: Text.AlignRight
                                font.bold: true
                                color: row.low ? Theme.danger : Theme.text
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: stockView.count === 0 && !screen.levels.filtering
                    text: screen.levels.errorString.length > 0 ? screen.levels.errorString
                                                               : qsTr("Nothing matches")
                    color: Theme.muted
                    font.pixelSize: Theme.fontLarge
                }
            }

            Rectangle {
                objectName: "historyPanel"
                Layout.preferredWidth: 420
                Layout.fillHeight: true
                color: Theme.panel
                border.color: Theme.line
                radius: Theme.radius
                clip: true

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: Theme.spacing
                    Label {
                        text: Stock.history.sku.length > 0
                              ? qsTr("History of %1 %2").arg(Stock.history.sku)
                                    .arg(Stock.history.location.length > 0 ? qsTr("at %1").arg(Stock.history.location) : "")
                              : qsTr("History: pick a product and press Enter")
                        font.bold: true
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "historyError"
                        visible: text.length > 0
                        text: Stock.history.loading ? qsTr("Asking the server…") : Stock.history.errorString
                        color: Stock.history.loading ? Theme.muted : Theme.warning
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    LevelChart {
                        id: chart
                        objectName: "levelChart"
                        Layout.fillWidth: true
                        points: Stock.history.points
                        visible: Stock.history.sku.length > 0 && Stock.history.errorString.length === 0
                    }
                    ListView {
                        id: historyView
                        objectName: "historyView"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: Stock.history
                        delegate: ColumnLayout {
                            id: entry
                            required property string at
                            required property string kind
                            required property string location
                            required property var delta
                            required property var onHand
                            required property string deltaText  // "+3", "-0.532 kg"
                            required property string onHandText
                            required property string terminal
                            required property string detail
                            width: historyView.width
                            spacing: 0
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: entry.at; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                                Label { text: entry.kind; font.bold: true; Layout.fillWidth: true }
                                Label {
                                    text: entry.deltaText + " → " + entry.onHandText
                                    color: entry.delta < 0 ? Theme.danger : Theme.text
                                }
                            }
                            Label {
                                text: entry.location + (entry.terminal.length > 0 ? " · " + entry.terminal : "")
                                      + (entry.detail.length > 0 ? " · " + entry.detail : "")
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Back"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: screen.done()
            }
            KeyButton {
                objectName: "locationButton"
                text: screen.levels.location.length > 0 ? qsTr("At %1").arg(screen.levels.location)
                                                        : qsTr("Every location")
                key: "F2"
                Layout.fillWidth: true
                onClicked: screen.nextLocation()
            }
            KeyButton {
                text: screen.levels.lowOnly ? qsTr("Low stock only") : qsTr("All stock")
                key: "F3"
                Layout.fillWidth: true
                tint: screen.levels.lowOnly ? Theme.warningBackground : Theme.panel
                onClicked: screen.levels.lowOnly = !screen.levels.lowOnly
            }
            KeyButton {
                text: qsTr("History"); key: qsTr("Enter")
                Layout.fillWidth: true
                enabled: stockView.count > 0
                onClicked: screen.showHistory()
            }
        }
    }

    Shortcut { sequence: "F2"; enabled: screen.keysEnabled; onActivated: screen.nextLocation() }
    Shortcut {
        sequence: "F3"; enabled: screen.keysEnabled
        onActivated: screen.levels.lowOnly = !screen.levels.lowOnly
    }
}
