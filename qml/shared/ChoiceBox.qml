import QtQuick
import QtQuick.Controls

// A ComboBox whose arrow is text, not the style's image: Qt 6.4 keeps that image's texture in
// its pixmap cache past the engine, which LeakSanitizer reports at the exit of every process that
// showed one.
ComboBox {
    id: box
    indicator: Label {
        x: box.mirrored ? box.padding : box.width - width - box.padding
        y: box.topPadding + (box.availableHeight - height) / 2
        text: "▾"
        font.pixelSize: 18
        color: box.enabled ? box.palette.buttonText : box.palette.mid
    }
}
