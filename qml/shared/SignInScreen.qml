pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Who is at the till: tap your name (or pick it with the arrow keys), type your PIN, Enter.
// Covers every screen until someone signs in; a sale in progress waits underneath.
Rectangle {
    id: screen

    readonly property StaffSession session: Till.staff
    property alias pinField: pin
    property alias peopleView: people

    function refocus() { pin.forceActiveFocus() }
    function choose(row) {
        people.currentIndex = row
        session.clearError()
        pin.text = ""
        refocus()
    }
    function submit() {
        if (session.signIn(session.people.nameAt(people.currentIndex), pin.text) || !session.busy)
            pin.text = ""
    }

    color: Theme.background

    // Eat clicks and wheel events meant for the screens underneath.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; onWheel: (w) => w.accepted = true }

    Connections {
        target: screen.session
        function onSignedInChanged() { screen.pinField.text = "" }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 760)
        spacing: Theme.spacing * 2

        Label {
            text: qsTr("Sign in")
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            text: screen.session.people.count > 0
                  ? qsTr("Choose your name, type your PIN and press Enter.")
                  : qsTr("No one can sign in at this till yet. The store's IT adds staff on the "
                         + "server with “stockline-server staff add --db DB NAME --role "
                         + "cashier|manager” (the PIN is read from stdin); the list arrives "
                         + "here as soon as the till is connected.")
        }

        GridView {
            id: people
            objectName: "signInPeople"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(3, Math.ceil(count / 3)) * cellHeight
            visible: count > 0
            clip: true
            cellWidth: width / 3
            cellHeight: Theme.touch + Theme.spacing
            model: screen.session.people
            currentIndex: 0
            keyNavigationEnabled: false
            delegate: Button {
                id: person
                required property int index
                required property string name
                required property bool manager
                width: people.cellWidth - Theme.spacing
                height: Theme.touch
                focusPolicy: Qt.NoFocus
                font.pixelSize: Theme.fontLarge
                text: manager ? qsTr("%1 (manager)").arg(name) : name
                highlighted: people.currentIndex === index
                onClicked: screen.choose(index)
            }
        }

        TextField {
            id: pin
            objectName: "pinField"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            validator: RegularExpressionValidator { regularExpression: /\d{0,12}/ }
            enabled: screen.session.people.count > 0
            // people.count: the list may arrive after the screen (a till that just connected),
            // and nameAt() alone would not be asked again.
            readonly property string person: people.count > 0
                                             ? screen.session.people.nameAt(people.currentIndex) : ""
            placeholderText: person.length > 0 ? qsTr("PIN for %1").arg(person)
                                               : qsTr("Choose your name first")
            Keys.onReturnPressed: screen.submit()
            Keys.onEnterPressed: screen.submit()
            Keys.onUpPressed: people.currentIndex = Math.max(0, people.currentIndex - 3)
            Keys.onDownPressed: people.currentIndex = Math.min(people.count - 1, people.currentIndex + 3)
            Keys.onLeftPressed: people.currentIndex = Math.max(0, people.currentIndex - 1)
            Keys.onRightPressed: people.currentIndex = Math.min(people.count - 1, people.currentIndex + 1)
        }

        Label {
            objectName: "signInError"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: screen.session.busy ? qsTr("Checking…") : screen.session.errorString
            color: screen.session.busy ? Theme.muted : Theme.danger
            font.pixelSize: Theme.fontNormal
        }

        KeyButton {
            text: qsTr("Sign in"); key: qsTr("Enter")
            Layout.fillWidth: true
            tint: Theme.accent; ink: Theme.accentText
            enabled: screen.session.people.count > 0 && !screen.session.busy
            onClicked: screen.submit()
        }
    }
}
