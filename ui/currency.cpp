#include "currency.h"

#include "preference.h"
#include "unitformat.h"

#include <QInputDialog>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace cs {

static bool isCurrencyCode(const QString &code)
{
    static const QRegularExpression threeLetters(QStringLiteral("^[A-Z]{3}$"));
    return threeLetters.match(code).hasMatch();
}

CurrencySetting &CurrencySetting::instance()
{
    static CurrencySetting setting;
    return setting;
}

QString CurrencySetting::defaultCode()
{
    const QString locale = QLocale().currencySymbol(QLocale::CurrencyIsoCode);
    return isCurrencyCode(locale) ? locale : QStringLiteral("EUR");
}

static Preference<QString> currencyCode{QStringLiteral("display/currency"), QString()};

QString CurrencySetting::code() const
{
    const QString saved = currencyCode.get();
    return isCurrencyCode(saved) ? saved : defaultCode();
}

void CurrencySetting::setCode(const QString &code)
{
    const QString upper = code.trimmed().toUpper();
    if (!isCurrencyCode(upper) || upper == this->code())
        return;
    currencyCode.set(upper);
    Q_EMIT changed(upper);
}

QString CurrencySetting::format(double amount, int decimals) const
{
    const QString number = std::isfinite(amount) ? QString::number(amount, 'f', decimals) : plainNumber(amount);
    return number + QChar(0x2009) + code();
}

bool CurrencySetting::choose(QWidget *parent)
{
    QStringList codes{QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("CHF"),
                      QStringLiteral("JPY"), QStringLiteral("CNY"), QStringLiteral("INR"), QStringLiteral("CAD"),
                      QStringLiteral("AUD"), QStringLiteral("SEK")};
    const QString current = instance().code();
    if (!codes.contains(current))
        codes.prepend(current);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, QObject::tr("Currency"),
                                                 QObject::tr("Show money in (ISO 4217 code, any may be typed):"),
                                                 codes, static_cast<int>(codes.indexOf(current)), true, &ok);
    if (!ok || !isCurrencyCode(chosen.trimmed().toUpper()))
        return false;
    instance().setCode(chosen);
    return true;
}

} // namespace cs
