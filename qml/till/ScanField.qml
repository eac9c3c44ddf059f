import QtQuick
import QtQuick.Controls
import Stockline.Qml

// The one field of the selling screen: scans, typed codes and SKUs, "3*" quantities and
// search text all land here. A ScanDetector tells a scanner's burst of keys from a person
// typing, so a scan that arrives while someone types a search is still a scan.
TextField {
    id: field

    // Enter: the text, how many of its last characters a scanner typed, and nothing else.
    signal submitted(string text, int burst)
    signal moved(int delta) // arrow keys: up -1, down +1
    signal escaped()

    font.pixelSize: Theme.fontLarge
    implicitHeight: Theme.touch
    placeholderText: qsTr("Scan, or type a barcode, SKU or name — 3* for three")
    inputMethodHints: Qt.ImhNoPredictiveText

    // Watches this field's key events and their timestamps.
    ScanDetector {
        id: detector
        target: field
    }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            field.submitted(field.text, detector.enterPressed())
            event.accepted = true
        } else if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
            field.moved(event.key === Qt.Key_Up ? -1 : 1)
            event.accepted = true
        } else if (event.key === Qt.Key_Escape) {
            field.escaped()
            event.accepted = true
        }
    }
}
