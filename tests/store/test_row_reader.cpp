// RowReader, the one row reader every table part of the store uses: columns in order, each into its field's type,
// NULL into an empty optional.
#include "database.h"
#include "row_reader.h"
#include "statement.h"

#include <QTest>

using namespace cs;

class TestRowReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsInOrderByFieldType()
    {
        Database db(":memory:", Database::Mode::ReadWriteCreate);
        Statement s = db.prepare("SELECT 7, 2.5, 'text', NULL, 4.25, NULL, 9000000000, 3");
        QVERIFY(s.step());
        long long whole = 0;
        double real = 0;
        std::string text;
        std::optional<double> missing = 1.0, present;
        std::optional<long long> noTime = 5;
        std::int64_t large = 0;
        int small = 0;
        RowReader(s) >> whole >> real >> text >> missing >> present >> noTime >> large >> small;
        QCOMPARE(whole, 7LL);
        QCOMPARE(real, 2.5);
        QCOMPARE(text, std::string("text"));
        QVERIFY(!missing.has_value()); // NULL empties an optional that held a value
        QCOMPARE(present, std::optional<double>(4.25));
        QVERIFY(!noTime.has_value());
        QCOMPARE(large, std::int64_t(9000000000)); // beyond 32 bits: read as int64
        QCOMPARE(small, 3);
    }

    void aNullTextIsEmptyAndANullNumberZero()
    {
        Database db(":memory:", Database::Mode::ReadWriteCreate);
        Statement s = db.prepare("SELECT NULL, NULL");
        QVERIFY(s.step());
        std::string text = "kept?";
        long long number = 12;
        RowReader(s) >> text >> number;
        QCOMPARE(text, std::string()); // as Statement::columnText: a LEFT JOIN's missing name reads as ""
        QCOMPARE(number, 0LL);
    }
};

QTEST_APPLESS_MAIN(TestRowReader)
#include "test_row_reader.moc"
