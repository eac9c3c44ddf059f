#include "reportmodel.h"

#include "money.h"
#include "moneytext.h"

#include <QLocale>
#include <QUrl>

namespace stockline::qml {

using namespace Qt::StringLiterals;

namespace {

QString localPath(const QString& path)
{
    const QUrl url(path);
    return url.isLocalFile() ? url.toLocalFile() : path;
}

} // namespace

ReportModel::ReportModel(QObject* parent) : QAbstractTableModel(parent) {}

int ReportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

int ReportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ReportModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column& column = m_columns.at(index.column());
    const QJsonValue value = m_rows.at(index.row()).value(column.key);
    switch (role) {
    case Qt::DisplayRole:
        return format(value, column.type, false);
    case ValueRole:
        return value.toVariant();
    case NumericRole:
        return isNumeric(index.column());
    default:
        return {};
    }
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section >= 0 && section < m_columns.size() ? m_columns.at(section).label : QVariant();
}

QHash<int, QByteArray> ReportModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {ValueRole, "value"}, {NumericRole, "numeric"}};
}

bool ReportModel::setAnswer(const QJsonObject& answer, const QString& title)
{
    QList<Column> columns;
    const QJsonArray given = answer.value("columns"_L1).toArray();
    for (const QJsonValue& c : given) {
        const QJsonObject o = c.toObject();
        const QString key = o.value("key"_L1).toString();
        if (key.isEmpty()) {
            clear();
            return false;
        }
        columns.append({key, o.value("label"_L1).toString(key), o.value("type"_L1).toString()});
    }
    if (columns.isEmpty()) {
        clear();
        return false;
    }
    setTable(columns, answer.value("rows"_L1).toArray());
    m_totals = answer.value("totals"_L1).toObject();
    m_title = title;
    const QString from = answer.value("from"_L1).toString();
    const QString to = answer.value("to"_L1).toString();
    m_subtitle = from == to ? from : tr("%1 to %2").arg(from, to);
    Q_EMIT changed();
    return true;
}

void ReportModel::setTable(const QList<Column>& columns, const QJsonArray& rows)
{
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    for (const QJsonValue& row : rows)
        m_rows.append(row.toObject());
    m_totals = {};
    m_title.clear();
    m_subtitle.clear();
    endResetModel();
    Q_EMIT changed();
}

void ReportModel::clear()
{
    setTable({}, {});
}

QStringList ReportModel::labels() const
{
    QStringList out;
    for (const Column& c : m_columns)
        out.append(c.label);
    return out;
}

QStringList ReportModel::totals() const
{
    if (m_totals.isEmpty())
        return {};
    QStringList out;
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        out.append(c == 0 && !m_totals.contains(m_columns.at(c).key)
                       ? tr("Total")
                       : format(m_totals.value(m_columns.at(c).key), m_columns.at(c).type, false));
    return out;
}

int ReportModel::chartColumn() const
{
    int figure = -1;
    for (int c = 1; c < m_columns.size(); ++c) {
        if (m_columns.at(c).type == "money"_L1)
            return c;
        if (figure < 0 && isNumeric(c))
            figure = c;
    }
    return figure;
}

QString ReportModel::text(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return {};
    const Column& c = m_columns.at(column);
    return format(m_rows.at(row).value(c.key), c.type, false);
}

double ReportModel::chartValue(int row) const
{
    const int column = chartColumn();
    if (row < 0 || row >= m_rows.size() || column < 0)
        return 0;
    const Column& c = m_columns.at(column);
    const double value = m_rows.at(row).value(c.key).toDouble();
    return c.type == "money"_L1 ? value / 100.0 : value;
}

QJsonObject ReportModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int ReportModel::find(const QString& key, const QString& value) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).value(key).toVariant().toString() == value)
            return row;
    }
    return -1;
}

void ReportModel::setValue(int row, const QString& key, const QJsonValue& value)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).value(key) == value)
        return;
    m_rows[row].insert(key, value);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    Q_EMIT changed();
}

print::ReportDocument ReportModel::document(bool forCsv) const
{
    print::ReportDocument doc;
    doc.title = m_title;
    doc.subtitle = m_subtitle;
    doc.headers = labels();
    for (int c = 0; c < m_columns.size(); ++c)
        doc.numeric.append(isNumeric(c));
    for (const QJsonObject& row : m_rows) {
        QStringList cells;
        for (const Column& c : m_columns)
            cells.append(format(row.value(c.key), c.type, forCsv));
        doc.rows.append(cells);
    }
    if (!m_totals.isEmpty()) {
        for (int c = 0; c < m_columns.size(); ++c) {
            const Column& column = m_columns.at(c);
            doc.totals.append(c == 0 && !m_totals.contains(column.key)
                                  ? tr("Total")
                                  : format(m_totals.value(column.key), column.type, forCsv));
        }
    }
    return doc;
}

bool ReportModel::exportCsv(const QString& path)
{
    const Status written = document(true).writeCsv(localPath(path));
    m_error = written ? QString() : written.error().message;
    return bool(written);
}

bool ReportModel::exportPdf(const QString& path)
{
    const Status written = document(false).writePdf(localPath(path));
    m_error = written ? QString() : written.error().message;
    return bool(written);
}

QString ReportModel::format(const QJsonValue& value, const QString& type, bool plain) const
{
    if (value.isUndefined() || value.isNull())
        return {};
    const QLocale locale;
    if (type == "money"_L1) {
        const Money amount = Money::fromMinor(value.toInteger());
        return plain ? amount.toString() : print::moneyText(amount, locale);
    }
    if (type == "percent"_L1)
        return plain ? QString::number(value.toDouble())
                     : locale.toString(value.toDouble(), 'f', 1) + u" %"_s;
    if (type == "qty"_L1 || type == "int"_L1)
        return plain ? QString::number(value.toInteger()) : locale.toString(value.toInteger());
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    return value.toVariant().toString();
}

bool ReportModel::isNumeric(int column) const
{
    static const QStringList figures{u"money"_s, u"qty"_s, u"int"_s, u"percent"_s};
    return column >= 0 && column < m_columns.size() && figures.contains(m_columns.at(column).type);
}

} // namespace stockline::qml
