import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// First run (and a manager's change): the server's address, what this terminal does and
// where, and who it is there — by the short code the server printed, or by id and token.
ApplicationWindow {
    id: window

    // A right-to-left language (shared/language.h: the default locale) mirrors every layout.
    LayoutMirroring.enabled: Qt.locale().textDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // "code" or "token": how this terminal proves who it is.
    property string way: "code"
    property bool receiving: Enrolment.receiving

    function submit() {
        if (way === "code")
            Enrolment.pair(server.text, certificate.text, code.text, receiving, location.text)
        else
            Enrolment.save(server.text, certificate.text, terminal.text, token.text, receiving,
                           location.text)
    }

    width: 1024
    height: 720
    minimumWidth: 800
    minimumHeight: 640
    visible: true
    title: qsTr("Stockline — set up this terminal")
    color: Theme.background
    font.pixelSize: Theme.fontNormal

    Shortcut { sequence: "Esc"; enabled: Enrolment.changing; onActivated: Enrolment.cancel() }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 720)
        spacing: Theme.spacing * 1.5

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: Enrolment.changing ? qsTr("Change this terminal's setup")
                                         : qsTr("Set up this terminal")
                font.pixelSize: Theme.fontHuge
                font.bold: true
            }
            // The screens' language, this terminal's own: the enrolment speaks it at once.
            // Each language in its own words, so whoever reads it finds theirs.
            ComboBox {
                id: language
                objectName: "enrolLanguage"
                implicitHeight: Theme.touch
                focusPolicy: Qt.NoFocus
                textRole: "name"
                valueRole: "code"
                model: [
                    { code: "", name: qsTr("System language") },
                    { code: "en", name: "English" },
                    { code: "de", name: "Deutsch" },
                    { code: "es", name: "Español" }
                ]
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(Enrolment.language))
                onActivated: Enrolment.language = currentValue
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            text: qsTr("On the server, the store's IT enrols this terminal with “stockline-server "
                       + "terminal add ID --role pos --pairing” and reads you the code it prints.")
        }

        Label { text: qsTr("Server address") }
        TextField {
            id: server
            objectName: "enrolServer"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: Enrolment.serverUrl
            placeholderText: qsTr("ws://10.0.0.5:8765/ or wss://stock.example:8765/")
            focus: true
            Keys.onReturnPressed: window.submit()
        }

        Label { text: qsTr("Server certificate fingerprint (wss:// with the server's own certificate)") }
        TextField {
            id: certificate
            objectName: "enrolCertificate"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: Enrolment.certificate
            placeholderText: qsTr("SHA-256 as “stockline-server tls fingerprint” prints it; empty: a trusted authority's certificate")
            Keys.onReturnPressed: window.submit()
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KeyButton {
                objectName: "modePos"
                Layout.fillWidth: true
                text: qsTr("Point of sale")
                tint: window.receiving ? Theme.panel : Theme.accent
                ink: window.receiving ? Theme.text : Theme.accentText
                onClicked: window.receiving = false
            }
            KeyButton {
                objectName: "modeReceiving"
                Layout.fillWidth: true
                text: qsTr("Receiving dock")
                tint: window.receiving ? Theme.accent : Theme.panel
                ink: window.receiving ? Theme.accentText : Theme.text
                onClicked: window.receiving = true
            }
        }

        Label { text: qsTr("Location this terminal sells or receives at") }
        TextField {
            id: location
            objectName: "enrolLocation"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: Enrolment.location
            placeholderText: qsTr("such as store-1")
            Keys.onReturnPressed: window.submit()
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            currentIndex: window.way === "code" ? 0 : 1
            TabButton {
                text: qsTr("Pairing code")
                focusPolicy: Qt.NoFocus
                onClicked: window.way = "code"
            }
            TabButton {
                objectName: "wayToken"
                text: qsTr("Terminal ID and token")
                focusPolicy: Qt.NoFocus
                onClicked: window.way = "token"
            }
        }
        TextField {
            id: code
            objectName: "enrolCode"
            visible: window.way === "code"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            placeholderText: qsTr("Pairing code, such as 1234-5678")
            Keys.onReturnPressed: window.submit()
        }
        TextField {
            id: terminal
            objectName: "enrolTerminal"
            visible: window.way === "token"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: Enrolment.terminal
            placeholderText: qsTr("Terminal ID, such as POS-02")
            Keys.onReturnPressed: window.submit()
        }
        TextField {
            id: token
            objectName: "enrolToken"
            visible: window.way === "token"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            echoMode: TextInput.Password
            placeholderText: qsTr("Token from “stockline-server terminal add”")
            Keys.onReturnPressed: window.submit()
        }

        Label {
            objectName: "enrolError"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: Enrolment.busy ? qsTr("Pairing with the server…") : Enrolment.errorString
            color: Enrolment.busy ? Theme.muted : Theme.danger
        }

        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                visible: Enrolment.changing
                text: qsTr("Cancel"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: Enrolment.cancel()
            }
            KeyButton {
                objectName: "enrolSubmit"
                text: window.way === "code" ? qsTr("Pair") : qsTr("Save")
                key: qsTr("Enter")
                tint: Theme.accent; ink: Theme.accentText
                Layout.fillWidth: true
                enabled: !Enrolment.busy
                onClicked: window.submit()
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            text: qsTr("Saved, readable by this account only, in %1").arg(Enrolment.configPath)
        }
    }
}
