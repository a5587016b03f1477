#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace cs {

// The currency money is shown in (an ISO 4217 code such as "EUR"), saved in QSettings. The default is the
// locale's currency, or EUR where the locale has none (the C locale of tests and servers).
class CurrencySetting : public QObject
{
    Q_OBJECT

public:
    static CurrencySetting &instance();

    QString code() const;
    void setCode(const QString &code); // upper-cased; refused (false) unless three letters A-Z
    static QString defaultCode();

    // "12.50 EUR", "0.001000 EUR": `decimals` after the point, the code after a thin space.
    QString format(double amount, int decimals = 2) const;

    // Asks for the currency (a list of common codes, any three-letter code typed); true when one was chosen.
    static bool choose(QWidget *parent);

Q_SIGNALS:
    void changed(const QString &code);

private:
    CurrencySetting() = default;
};

} // namespace cs
