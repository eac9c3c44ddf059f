#include "cartmodel.h"

#include "moneytext.h"
#include "mutation.h"

#include <QHash>
#include <algorithm>

namespace stockline::qml {

namespace {

// a × b / c without overflow for any amounts a sale may hold (a discount times a net can pass
// 2^63 where each alone is far from it).
__extension__ typedef __int128 Wide;

qint64 mulDiv(qint64 a, qint64 b, qint64 c)
{
    return static_cast<qint64>(static_cast<Wide>(a) * b / c);
}

qint64 mulMod(qint64 a, qint64 b, qint64 c)
{
    return static_cast<qint64>(static_cast<Wide>(a) * b % c);
}

} // namespace

CartModel::CartModel(QObject* parent) : QAbstractListModel(parent) {}

int CartModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> CartModel::roleNames() const
{
    return {{SkuRole, "sku"},
            {NameRole, "name"},
            {NoteRole, "note"},
            {QuantityRole, "quantity"},
            {UnitPriceRole, "unitPrice"},
            {QuantityTextRole, "quantityText"},
            {DiscountRole, "discount"},
            {TaxRateRole, "taxRate"},
            {TaxRole, "tax"},
            {NetRole, "net"},
            {TotalRole, "total"},
            {AmountRole, "amount"},
            {AvailableRole, "available"},
            {HoldRole, "hold"},
            {HoldTextRole, "holdText"}};
}

QVariant CartModel::moneyData(const Line& line, int role) const
{
    // A line's own tax as rounded on the line; a receipt-rounded total may differ by a cent.
    ReceiptLine r = line.receipt;
    r.taxIncluded = m_taxRule.pricesIncludeTax;
    switch (role) {
    case UnitPriceRole:
        return print::unitPriceText(r.unitPrice, r.unit);
    case DiscountRole:
        return r.discount > Money() ? print::moneyText(-r.discount) : QString();
    case TaxRole:
        return print::moneyText(r.tax());
    case NetRole:
        return print::moneyText(r.net());
    case TotalRole:
        return print::moneyText(r.total());
    case AmountRole:
        return print::moneyText(r.taxIncluded ? r.total() : r.net());
    default:
        return {};
    }
}

QVariant CartModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return line.receipt.name;
    case SkuRole:
        return line.receipt.sku;
    case NoteRole:
        return line.note;
    case QuantityRole:
        return line.receipt.qty;
    case QuantityTextRole:
        return quantityText(line.receipt.qty, line.receipt.unit);
    case TaxRateRole:
        return QStringLiteral("%1 %").arg(line.receipt.taxRate.toString());
    case AvailableRole:
        return line.available;
    case HoldRole:
        return static_cast<int>(hold(index.row()));
    case HoldTextRole:
        return holdText(index.row());
    default:
        return moneyData(line, role);
    }
}

int CartModel::add(const Line& line)
{
    if (!m_lines.isEmpty()) {
        Line& last = m_lines.last();
        // A measured line is one weighing: never added to (isMeasured, in case of a restore).
        if (line.mergeable && last.mergeable && !isMeasured(line.receipt.unit) &&
            last.receipt.sku == line.receipt.sku &&
            last.receipt.unitPrice == line.receipt.unitPrice && last.lineDiscount == Money()) {
            last.receipt.qty += line.receipt.qty;
            last.available = line.available;
            reprice();
            return count() - 1;
        }
    }
    beginInsertRows({}, count(), count());
    m_lines.append(line);
    m_lines.last().receipt.discount = line.lineDiscount;
    endInsertRows();
    Q_EMIT countChanged();
    reprice();
    return count() - 1;
}

bool CartModel::fits(Money unitPrice, qint64 qty) const
{
    return fits(unitPrice * qty);
}

bool CartModel::fits(Money more) const
{
    // Every line is within maxQuantity × maxMoneyMinor (10^17), and the lines within
    // maxMoneyMinor, so neither product nor sum overflows.
    qint64 value = more.minor();
    for (const Line& line : m_lines)
        value += line.receipt.gross().minor();
    return value <= maxMoneyMinor;
}

Status CartModel::checkRow(int row) const
{
    if (row < 0 || row >= count())
        return Error{QStringLiteral("line"), tr("There is no line %1.").arg(row + 1)};
    return success();
}

Status CartModel::setQuantity(int row, qint64 qty)
{
    if (const Status ok = checkRow(row); !ok)
        return ok;
    if (qty < 1 || qty > maxQuantity)
        return Error{QStringLiteral("qty"),
                     tr("A quantity is a whole number from 1 to %1.").arg(maxQuantity)};
    Line& line = m_lines[row];
    if (!fits(priceOf(line.receipt.unitPrice, qty, line.receipt.unit) - line.receipt.gross()))
        return Error{QStringLiteral("qty"),
                     tr("A sale may total at most %1.")
                         .arg(print::moneyText(Money::fromMinor(maxMoneyMinor)))};
    line.receipt.qty = qty;
    // A changed quantity is a decision about this line: the next scan starts a new one.
    line.mergeable = false;
    line.lineDiscount = std::min(line.lineDiscount, line.receipt.gross());
    reprice();
    return success();
}

Status CartModel::setLineDiscount(int row, Money discount)
{
    if (const Status ok = checkRow(row); !ok)
        return ok;
    Line& line = m_lines[row];
    const Money gross = line.receipt.gross();
    if (discount < Money() || discount > gross)
        return Error{QStringLiteral("discount"),
                     tr("A discount on this line is at most %1.").arg(print::moneyText(gross))};
    line.lineDiscount = discount;
    line.mergeable = false;
    reprice();
    return success();
}

Status CartModel::setUnitPrice(int row, Money price, const QString& note)
{
    if (const Status ok = checkRow(row); !ok)
        return ok;
    if (price < Money() || price.minor() > maxMoneyMinor)
        return Error{QStringLiteral("price"), tr("A price is zero or more.")};
    Line& line = m_lines[row];
    if (!fits(priceOf(price, line.receipt.qty, line.receipt.unit) - line.receipt.gross()))
        return Error{QStringLiteral("price"),
                     tr("A sale may total at most %1.")
                         .arg(print::moneyText(Money::fromMinor(maxMoneyMinor)))};
    line.receipt.unitPrice = price;
    // The clerk's discount stays only as far as the new price allows.
    line.lineDiscount = std::min(line.lineDiscount, line.receipt.gross());
    line.note = note;
    line.mergeable = false;
    reprice();
    return success();
}

void CartModel::approve(int row, const QString& approver, std::optional<Money> listPrice)
{
    if (!checkRow(row))
        return;
    LineApproval& approval = m_lines[row].approval;
    approval.approvedBy = approver;
    // A second override still names the catalog's price, not the first override's.
    if (listPrice && !approval.listPrice)
        approval.listPrice = listPrice;
}

Status CartModel::setOrderDiscount(Money discount)
{
    const Money base = orderDiscountBase();
    if (discount < Money() || discount > base)
        return Error{QStringLiteral("discount"),
                     tr("A discount on this sale is at most %1.").arg(print::moneyText(base))};
    m_orderDiscount = discount;
    reprice();
    return success();
}

Status CartModel::removeLine(int row)
{
    if (const Status ok = checkRow(row); !ok)
        return ok;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    // The order discount never exceeds what is left to take it off.
    m_orderDiscount = std::min(m_orderDiscount, orderDiscountBase());
    reprice();
    return success();
}

void CartModel::clear()
{
    restore({}, Money());
}

void CartModel::restore(const QList<Line>& lines, Money orderDiscount)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
    m_orderDiscount = std::clamp(orderDiscount, Money(), orderDiscountBase());
    Q_EMIT countChanged();
    reprice();
}

QList<ReceiptLine> CartModel::receiptLines() const
{
    QList<ReceiptLine> lines;
    lines.reserve(m_lines.size());
    for (const Line& line : m_lines)
        lines.append(line.receipt);
    return withTaxRule(lines, m_taxRule);
}

void CartModel::setTaxRule(const TaxRule& rule)
{
    if (rule == m_taxRule)
        return;
    m_taxRule = rule;
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    reprice();
}

ReceiptTotals CartModel::totals() const
{
    return totalsOf(receiptLines());
}

Money CartModel::orderDiscountBase() const
{
    Money base;
    for (const Line& line : m_lines)
        base += line.receipt.gross() - line.lineDiscount;
    return base;
}

QString CartModel::nameAt(int row) const
{
    return row >= 0 && row < count() ? m_lines.at(row).receipt.name : QString();
}

qint64 CartModel::itemCount() const
{
    qint64 items = 0;
    for (const Line& line : m_lines)
        items += isMeasured(line.receipt.unit) ? 1 : line.receipt.qty; // 532 g is one item
    return items;
}

void CartModel::reprice()
{
    const qint64 base = orderDiscountBase().minor();
    const qint64 discount = m_orderDiscount.minor();
    // Largest remainder: floor shares first, then one cent each to the largest remainders.
    QList<qint64> shares(m_lines.size(), 0);
    QList<qsizetype> order;
    qint64 given = 0;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line& line = m_lines.at(i);
        const qint64 net = (line.receipt.gross() - line.lineDiscount).minor();
        shares[i] = base > 0 ? mulDiv(discount, net, base) : 0;
        given += shares[i];
        order.append(i);
    }
    auto remainder = [&](qsizetype i) {
        const Line& line = m_lines.at(i);
        const qint64 net = (line.receipt.gross() - line.lineDiscount).minor();
        return base > 0 ? mulMod(discount, net, base) : 0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainder(a) > remainder(b); });
    for (qsizetype k = 0; k < order.size() && given < discount; ++k, ++given)
        ++shares[order.at(k)];
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        m_lines[i].receipt.discount = m_lines.at(i).lineDiscount + Money::fromMinor(shares.at(i));
    emitAllChanged();
}

void CartModel::emitAllChanged()
{
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(count() - 1));
    Q_EMIT totalsChanged();
    Q_EMIT changed();
}

bool CartModel::isHeld(const Line& line) const
{
    return line.reservation.state == Reservation::State::Held &&
           line.reservation.qty == line.receipt.qty;
}

qint64 CartModel::unheldQuantityOf(const QString& sku) const
{
    qint64 qty = 0;
    for (const Line& line : m_lines) {
        if (line.receipt.sku == sku && !isHeld(line))
            qty += line.receipt.qty;
    }
    return qty;
}

CartModel::Hold CartModel::hold(int row) const
{
    const Line& line = m_lines.at(row);
    if (isHeld(line))
        return Hold::Held;
    const Reservation& r = line.reservation;
    // The answer comes within moments; the replica may already count the pending hold.
    if (r.qty == line.receipt.qty && r.state == Reservation::State::Pending && m_online)
        return Hold::Unconfirmed;
    // The replica's available excludes what the server holds for us: only unheld lines need
    // it. A refusal for stock set `available` to what the server had then.
    if (line.available >= 0 && unheldQuantityOf(line.receipt.sku) > line.available)
        return Hold::Short;
    return m_online ? Hold::Unconfirmed : Hold::Offline;
}

QString CartModel::holdText(int row) const
{
    switch (hold(row)) {
    case Hold::Held:
        return tr("held");
    case Hold::Short:
        if (isMeasured(line(row).receipt.unit))
            return tr("only %1 left")
                .arg(
                    quantityText(std::max<qint64>(0, line(row).available), line(row).receipt.unit));
        return tr("only %n left", nullptr,
                  static_cast<int>(std::max<qint64>(0, line(row).available)));
    case Hold::Offline:
        return tr("offline — not confirmed");
    case Hold::Unconfirmed:
        break;
    }
    return tr("not confirmed yet");
}

void CartModel::applyLevels(const QList<StockLevel>& levels)
{
    if (m_lines.isEmpty())
        return;
    // A full snapshot lists every level of the store: one pass over it, not one per line.
    QHash<QString, QList<qsizetype>> rows;
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        rows[m_lines.at(i).receipt.sku].append(i);
    for (const StockLevel& level : levels) {
        if (level.location != m_location)
            continue;
        const auto found = rows.constFind(level.sku);
        if (found == rows.cend())
            continue;
        for (const qsizetype row : *found)
            m_lines[row].available = level.available();
    }
    Q_EMIT dataChanged(index(0), index(count() - 1), {AvailableRole, HoldRole, HoldTextRole});
}

void CartModel::setReservation(int row, const Reservation& reservation)
{
    if (!checkRow(row))
        return;
    Line& line = m_lines[row];
    line.reservation = reservation;
    // What the server said it had is newer than the replica until the next levels message.
    if (reservation.state == Reservation::State::Refused && reservation.available >= 0)
        line.available = reservation.available;
    // Holds of one SKU decide each other's "only N left": every row may change.
    Q_EMIT dataChanged(index(0), index(count() - 1), {AvailableRole, HoldRole, HoldTextRole});
}

void CartModel::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {HoldRole, HoldTextRole});
}

QString CartModel::netText() const
{
    return print::moneyText(totals().net);
}

QString CartModel::taxText() const
{
    return print::moneyText(totals().tax);
}

QString CartModel::totalText() const
{
    return print::moneyText(totals().total);
}

QString CartModel::orderDiscountText() const
{
    return print::moneyText(-m_orderDiscount);
}

} // namespace stockline::qml
