import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A large button that names its keyboard shortcut, so the clerk learns the keys by touching.
// It never takes the keyboard focus: the scan field keeps it.
Button {
    id: button

    property string key: ""          // "F12", shown in a badge
    property color tint: Theme.panel // the button's colour
    property color ink: Theme.text

    focusPolicy: Qt.NoFocus
    implicitHeight: Theme.touch
    implicitWidth: Math.max(140, contentItem.implicitWidth + 24)
    font.pixelSize: Theme.fontNormal

    background: Rectangle {
        radius: Theme.radius
        color: !button.enabled ? Qt.darker(Theme.background, 1.05)
                               : button.down ? Qt.darker(button.tint, 1.2) : button.tint
        border.color: Theme.line
    }
    contentItem: ColumnLayout {
        spacing: 2
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: button.text
            font.pixelSize: button.font.pixelSize
            font.bold: true
            color: button.enabled ? button.ink : Theme.muted
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            visible: button.key.length > 0
            text: button.key
            font.pixelSize: Theme.fontSmall
            color: button.enabled ? button.ink : Theme.muted
            opacity: 0.75
        }
    }
}
