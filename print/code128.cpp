#include "code128.h"

#include <array>

namespace stockline::print {

namespace {

// Bar/space widths of symbols 0–105, six each, eleven modules in all.
constexpr std::array<const char*, 106> patterns = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232"};
constexpr const char* stopPattern = "2331112";

void appendWidths(QList<int>& widths, const char* pattern)
{
    for (const char* c = pattern; *c != '\0'; ++c)
        widths.append(*c - '0');
}

} // namespace

QList<int> Code128::values(QStringView text)
{
    if (text.isEmpty())
        return {};
    QList<int> values{startB};
    int sum = startB;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 32 || c > 126)
            return {};
        const int value = c - 32;
        values.append(value);
        sum += value * static_cast<int>(i + 1);
    }
    values.append(sum % 103);
    values.append(stop);
    return values;
}

QList<int> Code128::widths(QStringView text)
{
    const QList<int> symbols = values(text);
    QList<int> widths;
    for (const int symbol : symbols)
        appendWidths(widths, symbol == stop ? stopPattern : patterns.at(symbol));
    return widths;
}

} // namespace stockline::print
