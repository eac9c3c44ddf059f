pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// A cycle count: choose the location and type the start of the shelf's SKUs (such as DAI-),
// Enter lists them. Then type each line's count and Enter (the next line is chosen); F9 sends
// what is counted. A line whose stock moved meanwhile shows the server's figure and asks to be
// counted again; only that line is sent again.
Item {
    id: screen

    property bool covered: false

    function refocus() {
        if (Dock.count.lines.count > 0)
            countField.forceActiveFocus()
        else
            prefix.forceActiveFocus()
    }
    function load() {
        if (Dock.count.load(location.currentText, prefix.text)) {
            lineView.currentIndex = 0
            countField.forceActiveFocus()
        }
    }
    function enterCount() {
        if (Dock.count.setCounted(lineView.currentIndex, countField.text)) {
            countField.text = ""
            if (lineView.currentIndex < lineView.count - 1)
                lineView.currentIndex += 1
        }
    }
    function stateText(status, message) {
        return status === "entered" ? qsTr("counted")
             : status === "sent" ? qsTr("sent, waiting for the server")
             : status === "applied" ? qsTr("booked")
             : status === "recount" || status === "refused" ? message : ""
    }

    Connections {
        target: Dock.count
        function onLoaded() { prefix.text = Dock.count.prefix }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing
        enabled: !screen.covered

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Count at") }
            ChoiceBox {
                id: location
                objectName: "countLocation"
                focusPolicy: Qt.NoFocus
                model: Dock.locations
                currentIndex: Dock.locationIndex
                implicitHeight: Theme.touch
                Layout.preferredWidth: 220
            }
            Label { text: qsTr("SKUs starting with") }
            TextField {
                id: prefix
                objectName: "countPrefix"
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("DAI-")
                Layout.preferredWidth: 200
                Keys.onReturnPressed: screen.load()
                Keys.onEnterPressed: screen.load()
                Keys.onDownPressed: countField.forceActiveFocus()
            }
            Item { Layout.fillWidth: true }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: lineView
                objectName: "countLines"
                anchors.fill: parent
                anchors.margins: 1
                model: Dock.count.lines
                currentIndex: count > 0 ? 0 : -1
                delegate: ItemDelegate {
                    id: line
                    required property int index
                    required property string sku
                    required property string name
                    required property var onHand
                    required property var counted
                    required property string status
                    required property string message
                    required property string onHandText  // "12", "1.250 kg"
                    required property string countedText
                    width: lineView.width
                    implicitHeight: Theme.rowHeight
                    focusPolicy: Qt.NoFocus
                    highlighted: index === lineView.currentIndex
                    onClicked: { lineView.currentIndex = index; countField.forceActiveFocus() }
                    contentItem: RowLayout {
                        spacing: 16
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label { text: line.name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: line.sku; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                        }
                        Label {
                            text: qsTr("system %1").arg(line.onHandText)
                            color: line.status === "recount" ? Theme.danger : Theme.muted
                            font.bold: line.status === "recount"
                            Layout.preferredWidth: 130
                        }
                        Label {
                            text: line.counted < 0 ? "—" : line.countedText
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            Layout.preferredWidth: 80
                        }
                        Label {
                            text: screen.stateText(line.status, line.message)
                            color: line.status === "recount" || line.status === "refused" ? Theme.danger
                                 : line.status === "applied" ? Theme.pay : Theme.muted
                            wrapMode: Text.Wrap
                            Layout.preferredWidth: 380
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: lineView.count === 0
                    text: qsTr("Type the start of the shelf's SKUs and press Enter.")
                    color: Theme.muted
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Counted") }
            TextField {
                id: countField
                objectName: "countField"
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                inputMethodHints: Qt.ImhDigitsOnly
                Layout.preferredWidth: 160
                Keys.onReturnPressed: screen.enterCount()
                Keys.onEnterPressed: screen.enterCount()
                Keys.onUpPressed: lineView.currentIndex = Math.max(0, lineView.currentIndex - 1)
                Keys.onDownPressed: lineView.currentIndex = Math.min(lineView.count - 1, lineView.currentIndex + 1)
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_F9) {
                        Dock.count.submit()
                        event.accepted = true
                    } else if (event.key === Qt.Key_Escape) {
                        prefix.forceActiveFocus()
                        event.accepted = true
                    }
                }
            }
            Item { Layout.fillWidth: true }
            KeyButton {
                objectName: "sendCount"
                text: qsTr("Send counts")
                key: "F9"
                tint: Theme.pay
                ink: Theme.accentText
                enabled: Dock.count.lines.entered > 0
                onClicked: Dock.count.submit()
            }
        }
    }
}
