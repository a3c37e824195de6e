<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
    <context>
        <name>About</name>
        <message>
            <source>Liberation Serif and Liberation Sans fonts</source>
            <translation>Phông chữ Liberation Serif, Liberation Sans</translation>
        </message>
        <message>
            <source>The full text of the licence is at the end of this page.</source>
            <translation>Toàn văn giấy phép ở cuối trang này.</translation>
        </message>
        <message>
            <source>Qt 6 and Qt for Python (PySide6, Shiboken6)</source>
            <translation>Qt 6 và Qt for Python (PySide6, Shiboken6)</translation>
        </message>
        <message>
            <source>GNU LGPL version 3</source>
            <translation>GNU LGPL phiên bản 3</translation>
        </message>
        <message>
            <source>The Qt libraries are separate files in the program folder; users may replace them with another compatible build of Qt. Qt source code: https://download.qt.io/official_releases/qt/</source>
            <translation>Các thư viện Qt nằm thành tệp riêng trong thư mục chương trình; người dùng có quyền thay chúng bằng bản Qt khác tương thích. Mã nguồn Qt: https://download.qt.io/official_releases/qt/</translation>
        </message>
        <message>
            <source>BSD 3-clause</source>
            <translation>BSD 3 điều khoản</translation>
        </message>
        <message>
            <source>Apache 2.0 or BSD 3-clause (either)</source>
            <translation>Apache 2.0 hoặc BSD 3 điều khoản (tùy chọn)</translation>
        </message>
        <message>
            <source>psycopg (PostgreSQL connection)</source>
            <translation>psycopg (kết nối PostgreSQL)</translation>
        </message>
        <message>
            <source>— (running from the source code, not a packaged build)</source>
            <translation>— (đang chạy từ mã nguồn, không phải bản đóng gói)</translation>
        </message>
        <message>
            <source>Build date: {date} (source {commit})</source>
            <translation>Ngày đóng gói: {date} (mã nguồn {commit})</translation>
        </message>
        <message>
            <source>Build date: {date}</source>
            <translation>Ngày đóng gói: {date}</translation>
        </message>
        <message>
            <source>Operating system: {system}</source>
            <translation>Hệ điều hành: {system}</translation>
        </message>
        <message>
            <source>Screen: {platform}, display scale {scale}</source>
            <translation>Màn hình: {platform}, tỉ lệ hiển thị {scale}</translation>
        </message>
        <message>
            <source>(the font licence file was not found in the program folder)</source>
            <translation>(không tìm thấy tệp giấy phép phông chữ trong thư mục chương trình)</translation>
        </message>
        <message>
            <source>Third-party components and licences</source>
            <translation>Thành phần bên thứ ba và giấy phép</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Thành phần</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Giấy phép</translation>
        </message>
        <message>
            <source>SIL Open Font License 1.1 (Liberation fonts)</source>
            <translation>SIL Open Font License 1.1 (phông chữ Liberation)</translation>
        </message>
        <message>
            <source>About {app}</source>
            <translation>Giới thiệu {app}</translation>
        </message>
        <message>
            <source>&lt;p&gt;Records of cadres, civil servants and public employees for the organisation and home affairs offices of communes, districts and provinces; works offline and syncs to the level above by USB.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Quản lý hồ sơ cán bộ, công chức, viên chức cho cơ quan tổ chức – nội vụ cấp xã, huyện, tỉnh; chạy ngoại tuyến, đồng bộ lên cấp trên bằng USB.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Copy information</source>
            <translation>Sao chép thông tin</translation>
        </message>
        <message>
            <source>Copy the version and the environment to send to support</source>
            <translation>Chép phiên bản và môi trường chạy để gửi cho bộ phận hỗ trợ</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Đã sao chép</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <source>«{text}»: write «{yes}» or «{no}».</source>
            <translation>«{text}»: ghi «{yes}» hoặc «{no}».</translation>
        </message>
        <message>
            <source>«{text}» is not a number.</source>
            <translation>«{text}» không phải là số.</translation>
        </message>
        <message>
            <source>Parameter</source>
            <translation>Tham số</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <source>Double-click to edit; separate the values with ;</source>
            <translation>Nhấp đúp để sửa; các giá trị cách nhau bằng dấu ;</translation>
        </message>
        <message>
            <source>Double-click to edit</source>
            <translation>Nhấp đúp để sửa</translation>
        </message>
        <message>
            <source>New version: {title}</source>
            <translation>Phiên bản mới: {title}</translation>
        </message>
        <message>
            <source>For example: Decree No. …/2026/NĐ-CP of …</source>
            <translation>Ví dụ: Nghị định số …/2026/NĐ-CP ngày …</translation>
        </message>
        <message>
            <source>Applies from</source>
            <translation>Áp dụng từ ngày</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Căn cứ pháp lý</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Results for the dates before it applies do not change.</source>
            <translation>Kết quả tính cho các ngày trước ngày áp dụng không thay đổi.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Quản trị&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>Each rule (retirement age, pay rise intervals, evaluation, appointment conditions, targets…) has its dates in force and its legal basis. Editing a rule adds a new version that applies from a date.</source>
            <translation>Mỗi quy định (tuổi nghỉ hưu, hạn nâng lương, chế độ đánh giá, điều kiện bổ nhiệm, chỉ tiêu…) có ngày hiệu lực và căn cứ pháp lý. Sửa một quy định là thêm phiên bản mới áp dụng từ một ngày.</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Danh sách quy định</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>Hiệu lực từ</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Đến</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>Withdraw the edited version</source>
            <translation>Rút phiên bản đã sửa</translation>
        </message>
        <message>
            <source>Save as a new version…</source>
            <translation>Lưu thành phiên bản mới…</translation>
        </message>
        <message>
            <source>Rules in force</source>
            <translation>Quy định áp dụng</translation>
        </message>
        <message>
            <source>Users and permissions</source>
            <translation>Người dùng và phân quyền</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>Only an administrator can edit the rules; you are viewing them.</source>
            <translation>Chỉ quản trị viên được sửa quy định; bạn đang xem.</translation>
        </message>
        <message>
            <source>Edited by an administrator</source>
            <translation>Quản trị viên sửa</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Mặc định</translation>
        </message>
        <message>
            <source>Enter the date it applies from.</source>
            <translation>Nhập ngày bắt đầu áp dụng.</translation>
        </message>
        <message>
            <source>Saved a new version, in force from {date}.</source>
            <translation>Đã lưu phiên bản mới, áp dụng từ {date}.</translation>
        </message>
        <message>
            <source>Withdrew the edited version.</source>
            <translation>Đã rút phiên bản đã sửa.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>AppointmentsPage</name>
        <message>
            <source>Appointment procedures</source>
            <translation>Quy trình bổ nhiệm</translation>
        </message>
        <message>
            <source>Eligibility check</source>
            <translation>Kiểm tra điều kiện bổ nhiệm</translation>
        </message>
        <message>
            <source>Find a person: name (with or without accents), ID number…</source>
            <translation>Tìm người: tên (có dấu hoặc không), CCCD…</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Kiểm tra</translation>
        </message>
        <message>
            <source>Intended title</source>
            <translation>Chức danh dự kiến</translation>
        </message>
        <message>
            <source>Intended appointment date</source>
            <translation>Ngày dự kiến bổ nhiệm</translation>
        </message>
        <message>
            <source>Record a special case…</source>
            <translation>Ghi trường hợp đặc biệt…</translation>
        </message>
        <message>
            <source>The competent level approved the selected unmet condition (the document number is needed)</source>
            <translation>Cấp có thẩm quyền đã đồng ý cho điều kiện không đạt đã chọn (cần số văn bản)</translation>
        </message>
        <message>
            <source>Choose the person to check.</source>
            <translation>Chọn người cần kiểm tra.</translation>
        </message>
        <message>
            <source>Choose the intended title.</source>
            <translation>Chọn chức danh dự kiến bổ nhiệm.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <source>Special case</source>
            <translation>Trường hợp đặc biệt</translation>
        </message>
        <message>
            <source>Condition «{condition}»: number and date of the competent level's approval:</source>
            <translation>Điều kiện «{condition}»: số, ngày văn bản của cấp có thẩm quyền đồng ý:</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Cadre record</source>
            <translation>Hồ sơ cán bộ</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Quyết định</translation>
        </message>
        <message>
            <source>Appointment procedure</source>
            <translation>Quy trình bổ nhiệm</translation>
        </message>
        <message>
            <source>Evaluation round</source>
            <translation>Đợt đánh giá</translation>
        </message>
        <message>
            <source>Evaluation result</source>
            <translation>Kết quả đánh giá</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>(all)</source>
            <translation>(tất cả)</translation>
        </message>
        <message>
            <source>Whose log</source>
            <translation>Nhật ký của ai</translation>
        </message>
        <message>
            <source>This office</source>
            <translation>Văn phòng này</translation>
        </message>
        <message>
            <source>This office's own log, or the log an office sent with its sync packages</source>
            <translation>Nhật ký của văn phòng này, hoặc nhật ký một văn phòng gửi kèm các gói đồng bộ</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>&amp;Lọc</translation>
        </message>
        <message>
            <source>Check &amp;integrity</source>
            <translation>Kiểm tra tính &amp;toàn vẹn</translation>
        </message>
        <message>
            <source>Recompute the hash chain of the whole log: finds rows that were edited, deleted or inserted</source>
            <translation>Tính lại chuỗi mã băm của toàn bộ nhật ký: phát hiện dòng bị sửa, xoá hoặc chèn</translation>
        </message>
        <message>
            <source>Show &amp;more</source>
            <translation>Xem &amp;thêm</translation>
        </message>
        <message>
            <source>Log of:</source>
            <translation>Nhật ký của:</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>Người:</translation>
        </message>
        <message>
            <source>Action:</source>
            <translation>Thao tác:</translation>
        </message>
        <message>
            <source>Record:</source>
            <translation>Đối tượng:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Từ ngày:</translation>
        </message>
        <message>
            <source>to:</source>
            <translation>đến:</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Số</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Choose a row to see what changed (old → new).</source>
            <translation>Chọn một dòng để xem nội dung thay đổi (cũ → mới).</translation>
        </message>
        <message>
            <source>The log {office} sent with its sync packages ({count} packages)</source>
            <translation>Nhật ký {office} gửi kèm các gói đồng bộ ({count} gói)</translation>
        </message>
        <message>
            <source>Showing {count} entries (more to load).</source>
            <translation>Đang hiện {count} mục (còn nữa).</translation>
        </message>
        <message>
            <source>Showing {count} entries.</source>
            <translation>Đang hiện {count} mục.</translation>
        </message>
        <message>
            <source>Checking the log's hash chain…</source>
            <translation>Đang kiểm tra chuỗi mã băm của nhật ký…</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Nhật ký thao tác</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Daily</source>
            <translation>Hằng ngày</translation>
        </message>
        <message>
            <source>Made by hand</source>
            <translation>Sao lưu thủ công</translation>
        </message>
        <message>
            <source>Before an Excel import</source>
            <translation>Trước khi nhập Excel</translation>
        </message>
        <message>
            <source>Before a sync package</source>
            <translation>Trước khi nhận gói đồng bộ</translation>
        </message>
        <message>
            <source>Before a schema upgrade</source>
            <translation>Trước khi nâng cấp lược đồ</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Trước khi khôi phục</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>Hằng tuần</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Hằng tháng</translation>
        </message>
        <message>
            <source>The program backs up the database every day and before every Excel import, sync package and upgrade. Backups are kept in the “backups” folder beside the database file: 7 daily, 4 weekly and 6 monthly; backups made by hand are never deleted automatically.</source>
            <translation>Phần mềm tự sao lưu cơ sở dữ liệu mỗi ngày và trước mỗi lần nhập Excel, nhận gói đồng bộ, nâng cấp. Các bản sao lưu nằm trong thư mục “backups” cạnh tệp dữ liệu: giữ 7 bản hằng ngày, 4 bản hằng tuần và 6 bản hằng tháng; bản sao lưu thủ công không bao giờ tự xoá.</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Dung lượng</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Các bản sao lưu</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Sao lưu ngay</translation>
        </message>
        <message>
            <source>Make a copy of the database now (the program keeps working meanwhile)</source>
            <translation>Tạo ngay một bản sao của cơ sở dữ liệu (vẫn làm việc bình thường trong lúc sao lưu)</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>Phục hồi…</translation>
        </message>
        <message>
            <source>This database is on a PostgreSQL server: it is backed up by the server itself (pg_dump, the host's snapshots), not by this program. To restore it, ask the server's administrator.</source>
            <translation>Cơ sở dữ liệu này nằm trên máy chủ PostgreSQL: việc sao lưu do chính máy chủ đảm nhận (pg_dump, bản chụp của máy chủ), không do phần mềm này. Muốn phục hồi, hãy liên hệ người quản trị máy chủ.</translation>
        </message>
        <message>
            <source>No backup yet.</source>
            <translation>Chưa có bản sao lưu nào.</translation>
        </message>
        <message>
            <source>Only an administrator can restore the database.</source>
            <translation>Chỉ quản trị viên được phục hồi cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>Replace the database with the chosen backup (the current file is kept)</source>
            <translation>Thay cơ sở dữ liệu bằng bản sao lưu đã chọn (bản hiện tại được giữ lại)</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Đang sao lưu…</translation>
        </message>
        <message>
            <source>Backed up to “{path}”.</source>
            <translation>Đã sao lưu vào “{path}”.</translation>
        </message>
        <message>
            <source>Close the open cadre records first ({count} open), then restore.</source>
            <translation>Hãy đóng các hồ sơ cán bộ đang mở trước ({count} hồ sơ), rồi phục hồi.</translation>
        </message>
        <message>
            <source>Restore the database</source>
            <translation>Phục hồi cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Phục hồi</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Replace the database with the backup of {date} ({kind})?

The current database is kept in the folder “{folder}”, named “{name}-truoc-khoi-phuc-….db”.
The restored database gets a new sync epoch: the next package sent to the parent office will be a full one.

Everyone must stop working on this database. After the restore the program closes; open it again to work on the restored data.</source>
            <translation>Thay cơ sở dữ liệu hiện tại bằng bản sao lưu lúc {date} ({kind})?

Bản hiện tại được giữ lại trong thư mục “{folder}”, tên “{name}-truoc-khoi-phuc-….db”.
Cơ sở dữ liệu sau khi phục hồi nhận kỷ nguyên đồng bộ mới: lần gửi tới lên cấp trên sẽ là gói đầy đủ.

Mọi người phải ngừng làm việc trên cơ sở dữ liệu này. Sau khi phục hồi, chương trình sẽ đóng; hãy mở lại để làm việc trên dữ liệu đã phục hồi.</translation>
        </message>
        <message>
            <source>Restoring from the backup of {date}…</source>
            <translation>Đang phục hồi từ bản sao lưu lúc {date}…</translation>
        </message>
        <message>
            <source>(none: there was no database)</source>
            <translation>(không có: chưa có cơ sở dữ liệu)</translation>
        </message>
        <message>
            <source>The database was restored from the backup of {date}. The database as it was before is kept as “{kept}”. New sync epoch: {epoch} (the next package sent will be a full one).

The program will now close: open it again to work on the restored data.</source>
            <translation>Đã phục hồi cơ sở dữ liệu từ bản sao lưu lúc {date}. Bản trước khi phục hồi được giữ tại “{kept}”. Kỷ nguyên đồng bộ mới: {epoch} (lần gửi tới sẽ là gói đầy đủ).

Chương trình sẽ đóng: hãy mở lại để làm việc trên dữ liệu đã phục hồi.</translation>
        </message>
        <message>
            <source>Close the program</source>
            <translation>Đóng chương trình</translation>
        </message>
    </context>
    <context>
        <name>CadreEditor</name>
        <message>
            <source>Personal details</source>
            <translation>Sơ yếu</translation>
        </message>
        <message>
            <source>1. Full name at birth</source>
            <translation>1. Họ và tên khai sinh</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Họ</translation>
        </message>
        <message>
            <source>Middle name</source>
            <translation>Tên đệm</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>2. Other names</source>
            <translation>2. Tên gọi khác</translation>
        </message>
        <message>
            <source>3. Sex</source>
            <translation>3. Giới tính</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Sinh ngày</translation>
        </message>
        <message>
            <source>4. Place of birth</source>
            <translation>4. Nơi sinh</translation>
        </message>
        <message>
            <source>5. Home town</source>
            <translation>5. Quê quán</translation>
        </message>
        <message>
            <source>6. Ethnicity</source>
            <translation>6. Dân tộc</translation>
        </message>
        <message>
            <source>7. Religion</source>
            <translation>7. Tôn giáo</translation>
        </message>
        <message>
            <source>8. Permanent residence</source>
            <translation>8. Hộ khẩu thường trú</translation>
        </message>
        <message>
            <source>9. Current address</source>
            <translation>9. Nơi ở hiện nay</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Thư điện tử</translation>
        </message>
        <message>
            <source>Civil servant number</source>
            <translation>Số hiệu cán bộ, công chức</translation>
        </message>
        <message>
            <source>Managing unit</source>
            <translation>Đơn vị quản lý, sử dụng</translation>
        </message>
        <message>
            <source>Staff category</source>
            <translation>Loại cán bộ</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Work, salary</source>
            <translation>Công tác, lương</translation>
        </message>
        <message>
            <source>10. Occupation when recruited</source>
            <translation>10. Nghề nghiệp khi được tuyển dụng</translation>
        </message>
        <message>
            <source>11. Recruitment date</source>
            <translation>11. Ngày tuyển dụng</translation>
        </message>
        <message>
            <source>Recruiting agency</source>
            <translation>Cơ quan tuyển dụng</translation>
        </message>
        <message>
            <source>12. Current position</source>
            <translation>12. Chức vụ hiện tại</translation>
        </message>
        <message>
            <source>Title (code list)</source>
            <translation>Chức danh (danh mục)</translation>
        </message>
        <message>
            <source>Appointed on</source>
            <translation>Ngày bổ nhiệm</translation>
        </message>
        <message>
            <source>Appointment ends</source>
            <translation>Hết thời hạn bổ nhiệm</translation>
        </message>
        <message>
            <source>Concurrent positions</source>
            <translation>Chức vụ kiêm nhiệm</translation>
        </message>
        <message>
            <source>13. Main duties</source>
            <translation>13. Công việc chính được giao</translation>
        </message>
        <message>
            <source>14. Grade</source>
            <translation>14. Ngạch</translation>
        </message>
        <message>
            <source>Salary step</source>
            <translation>Bậc lương</translation>
        </message>
        <message>
            <source>Coefficient</source>
            <translation>Hệ số</translation>
        </message>
        <message>
            <source>Paid from</source>
            <translation>Ngày hưởng</translation>
        </message>
        <message>
            <source>Position allowance</source>
            <translation>Phụ cấp chức vụ</translation>
        </message>
        <message>
            <source>Other allowances</source>
            <translation>Phụ cấp khác</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Trình độ</translation>
        </message>
        <message>
            <source>15.1 General education</source>
            <translation>15.1 Giáo dục phổ thông</translation>
        </message>
        <message>
            <source>15.2 Highest qualification</source>
            <translation>15.2 Chuyên môn cao nhất</translation>
        </message>
        <message>
            <source>Major</source>
            <translation>Chuyên ngành</translation>
        </message>
        <message>
            <source>Academic title</source>
            <translation>Học hàm</translation>
        </message>
        <message>
            <source>15.3 Political theory</source>
            <translation>15.3 Lý luận chính trị</translation>
        </message>
        <message>
            <source>15.4 State management</source>
            <translation>15.4 Quản lý nhà nước</translation>
        </message>
        <message>
            <source>15.5 Foreign languages</source>
            <translation>15.5 Ngoại ngữ</translation>
        </message>
        <message>
            <source>15.6 IT skills</source>
            <translation>15.6 Tin học</translation>
        </message>
        <message>
            <source>Party, organisations</source>
            <translation>Đảng, đoàn thể</translation>
        </message>
        <message>
            <source>16. Joined the Party</source>
            <translation>16. Ngày vào Đảng</translation>
        </message>
        <message>
            <source>Full member since</source>
            <translation>Ngày chính thức</translation>
        </message>
        <message>
            <source>17. Socio-political organisations</source>
            <translation>17. Tổ chức chính trị – xã hội</translation>
        </message>
        <message>
            <source>18. Enlisted</source>
            <translation>18. Ngày nhập ngũ</translation>
        </message>
        <message>
            <source>Discharged</source>
            <translation>Ngày xuất ngũ</translation>
        </message>
        <message>
            <source>Highest military rank</source>
            <translation>Quân hàm cao nhất</translation>
        </message>
        <message>
            <source>19. Honorary titles</source>
            <translation>19. Danh hiệu được phong tặng</translation>
        </message>
        <message>
            <source>20. Work strengths</source>
            <translation>20. Sở trường công tác</translation>
        </message>
        <message>
            <source>Current Party committee (2C/TCTW)</source>
            <translation>Cấp ủy hiện tại (2C/TCTW)</translation>
        </message>
        <message>
            <source>Concurrent Party committee</source>
            <translation>Cấp ủy kiêm</translation>
        </message>
        <message>
            <source>Joined the revolution</source>
            <translation>Ngày tham gia cách mạng</translation>
        </message>
        <message>
            <source>Joined the current agency</source>
            <translation>Ngày vào cơ quan hiện nay</translation>
        </message>
        <message>
            <source>Family background</source>
            <translation>Thành phần gia đình xuất thân</translation>
        </message>
        <message>
            <source>Health, ID card</source>
            <translation>Sức khỏe, CCCD</translation>
        </message>
        <message>
            <source>23. Health</source>
            <translation>23. Tình trạng sức khỏe</translation>
        </message>
        <message>
            <source>Height (cm)</source>
            <translation>Chiều cao (cm)</translation>
        </message>
        <message>
            <source>Weight (kg)</source>
            <translation>Cân nặng (kg)</translation>
        </message>
        <message>
            <source>Blood group</source>
            <translation>Nhóm máu</translation>
        </message>
        <message>
            <source>24. War invalid grade</source>
            <translation>24. Thương binh hạng</translation>
        </message>
        <message>
            <source>Policy family</source>
            <translation>Gia đình chính sách</translation>
        </message>
        <message>
            <source>25. ID card number (personal ID)</source>
            <translation>25. Số CCCD (định danh cá nhân)</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>Ngày cấp</translation>
        </message>
        <message>
            <source>Issued at</source>
            <translation>Nơi cấp</translation>
        </message>
        <message>
            <source>26. Social insurance number</source>
            <translation>26. Số sổ BHXH</translation>
        </message>
        <message>
            <source>History, assessment</source>
            <translation>Lịch sử, nhận xét</translation>
        </message>
        <message>
            <source>29a. Arrest, prison; work under the former regime</source>
            <translation>29a. Bị bắt, bị tù; làm việc trong chế độ cũ</translation>
        </message>
        <message>
            <source>29b. Links with organisations abroad</source>
            <translation>29b. Quan hệ với tổ chức ở nước ngoài</translation>
        </message>
        <message>
            <source>29c. Relatives abroad</source>
            <translation>29c. Thân nhân ở nước ngoài</translation>
        </message>
        <message>
            <source>Economic situation: salary, income (2C/TCTW)</source>
            <translation>Hoàn cảnh kinh tế: lương, thu nhập (2C/TCTW)</translation>
        </message>
        <message>
            <source>Housing</source>
            <translation>Nhà ở</translation>
        </message>
        <message>
            <source>Residential and farm land</source>
            <translation>Đất ở, đất sản xuất</translation>
        </message>
        <message>
            <source>32. Agency's assessment</source>
            <translation>32. Nhận xét, đánh giá của cơ quan</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>No decisions yet. Click «Record decision…» to add one.</source>
            <translation>Chưa có quyết định nào. Bấm «Ghi quyết định…» để thêm.</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Dòng thời gian</translation>
        </message>
        <message>
            <source>Date unknown</source>
            <translation>Chưa rõ ngày</translation>
        </message>
        <message>
            <source>Decision no. {number}</source>
            <translation>QĐ số {number}</translation>
        </message>
        <message>
            <source>(until {date})</source>
            <translation>(đến {date})</translation>
        </message>
        <message>
            <source>Cancelled — reason: {reason}</source>
            <translation>Đã huỷ — lý do: {reason}</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Đã huỷ</translation>
        </message>
        <message>
            <source>27. Training</source>
            <translation>27. Đào tạo, bồi dưỡng</translation>
        </message>
        <message>
            <source>School</source>
            <translation>Tên trường</translation>
        </message>
        <message>
            <source>From (mm/yyyy)</source>
            <translation>Từ (tháng/năm)</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <source>Degree, certificate</source>
            <translation>Văn bằng, chứng chỉ</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>28. Work history</source>
            <translation>28. Tóm tắt quá trình công tác</translation>
        </message>
        <message>
            <source>Title, position, unit</source>
            <translation>Chức danh, chức vụ, đơn vị công tác</translation>
        </message>
        <message>
            <source>30a. Family – own side</source>
            <translation>30a. Quan hệ gia đình – về bản thân</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Mối quan hệ</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Home town, occupation, position, residence…</source>
            <translation>Quê quán, nghề nghiệp, chức vụ, nơi ở…</translation>
        </message>
        <message>
            <source>30b. Family – spouse's side</source>
            <translation>30b. Quan hệ gia đình – bên vợ (chồng)</translation>
        </message>
        <message>
            <source>31. Salary history</source>
            <translation>31. Diễn biến quá trình lương</translation>
        </message>
        <message>
            <source>Month/year</source>
            <translation>Tháng/năm</translation>
        </message>
        <message>
            <source>Grade code</source>
            <translation>Mã ngạch</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Bậc</translation>
        </message>
        <message>
            <source>Salary coefficient</source>
            <translation>Hệ số lương</translation>
        </message>
        <message>
            <source>21. Awards</source>
            <translation>21. Khen thưởng</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Awarded by</source>
            <translation>Cấp khen</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>22. Discipline</source>
            <translation>22. Kỷ luật</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>Cấp quyết định</translation>
        </message>
        <message>
            <source>{code} (not in the list)</source>
            <translation>{code} (không có trong danh mục)</translation>
        </message>
        <message>
            <source>Personnel record</source>
            <translation>Hồ sơ cán bộ</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gia đình</translation>
        </message>
        <message>
            <source>Decisions</source>
            <translation>Quyết định</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>Thêm dòng</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>Xoá dòng</translation>
        </message>
        <message>
            <source>4×6 photo</source>
            <translation>Ảnh 4×6</translation>
        </message>
        <message>
            <source>Date taken</source>
            <translation>Ngày chụp</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>Chọn ảnh…</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>Xoá ảnh</translation>
        </message>
        <message>
            <source>Choose a 4×6 photo</source>
            <translation>Chọn ảnh 4×6</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff)</source>
            <translation>Ảnh (*.jpg *.jpeg *.png *.bmp *.tif *.tiff)</translation>
        </message>
        <message>
            <source>Cannot read the photo file: {error}</source>
            <translation>Không đọc được tệp ảnh: {error}</translation>
        </message>
        <message>
            <source>Save the record before attaching a photo.</source>
            <translation>Hãy lưu hồ sơ trước khi gắn ảnh.</translation>
        </message>
        <message>
            <source>Photo updated.</source>
            <translation>Đã cập nhật ảnh.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Career by decision&lt;/b&gt; (appointments, transfers, step raises, awards, discipline…)</source>
            <translation>&lt;b&gt;Quá trình công tác theo quyết định&lt;/b&gt; (bổ nhiệm, điều động, nâng bậc, khen thưởng, kỷ luật…)</translation>
        </message>
        <message>
            <source>Effective</source>
            <translation>Hiệu lực</translation>
        </message>
        <message>
            <source>Decision no.</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>Cơ quan ban hành</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>Có hiệu lực</translation>
        </message>
        <message>
            <source>Career timeline</source>
            <translation>Dòng thời gian công tác</translation>
        </message>
        <message>
            <source>Record decision…</source>
            <translation>Ghi quyết định…</translation>
        </message>
        <message>
            <source>Cancel selected decision…</source>
            <translation>Huỷ quyết định đã chọn…</translation>
        </message>
        <message>
            <source>Save the record before recording a decision.</source>
            <translation>Hãy lưu hồ sơ trước khi ghi quyết định.</translation>
        </message>
        <message>
            <source>Decision recorded.</source>
            <translation>Đã ghi quyết định.</translation>
        </message>
        <message>
            <source>Select the decision to cancel in the table.</source>
            <translation>Chọn quyết định cần huỷ trong bảng.</translation>
        </message>
        <message>
            <source>Cancel decision</source>
            <translation>Huỷ quyết định</translation>
        </message>
        <message>
            <source>Reason for cancelling decision no. {number}:</source>
            <translation>Lý do huỷ quyết định số {number}:</translation>
        </message>
        <message>
            <source>Decision cancelled; the record is back as it was.</source>
            <translation>Đã huỷ quyết định; hồ sơ đã trở lại như trước.</translation>
        </message>
        <message>
            <source>Enter a whole number.</source>
            <translation>Nhập một số nguyên.</translation>
        </message>
        <message>
            <source>Enter a number, e.g. 2.34.</source>
            <translation>Nhập một số, ví dụ 2,34.</translation>
        </message>
        <message>
            <source>Some fields are not right.</source>
            <translation>Một số ô chưa đúng.</translation>
        </message>
        <message>
            <source>Not saved: {errors}</source>
            <translation>Chưa lưu: {errors}</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>New record</source>
            <translation>Hồ sơ mới</translation>
        </message>
        <message>
            <source>Record: {name}</source>
            <translation>Hồ sơ: {name}</translation>
        </message>
        <message>
            <source>Unsaved record</source>
            <translation>Hồ sơ chưa lưu</translation>
        </message>
        <message>
            <source>The record has unsaved changes. Do you want to save them?</source>
            <translation>Hồ sơ có thay đổi chưa lưu. Anh/chị muốn lưu lại không?</translation>
        </message>
        <message>
            <source>Don't save</source>
            <translation>Không lưu</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Quay lại</translation>
        </message>
    </context>
    <context>
        <name>CadreTable</name>
        <message>
            <source>In service</source>
            <translation>Đang công tác</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>Nghỉ hưu</translation>
        </message>
        <message>
            <source>Transferred out</source>
            <translation>Đã chuyển công tác</translation>
        </message>
        <message>
            <source>Resigned</source>
            <translation>Thôi việc</translation>
        </message>
        <message>
            <source>Seconded</source>
            <translation>Biệt phái</translation>
        </message>
        <message>
            <source>Deceased</source>
            <translation>Từ trần</translation>
        </message>
        <message>
            <source>Unpaid leave</source>
            <translation>Nghỉ không lương</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>Số CCCD</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>Chart by unit</source>
            <translation>Biểu đồ theo đơn vị</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>Chưa đạt</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Tỷ lệ</translation>
        </message>
        <message>
            <source>Threshold {value}</source>
            <translation>Ngưỡng {value}</translation>
        </message>
        <message>
            <source>5-year trend</source>
            <translation>Xu hướng 5 năm</translation>
        </message>
        <message>
            <source>{title} (computing {count} more points…)</source>
            <translation>{title} (đang tính thêm {count} mốc…)</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>Biểu đồ</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Số người</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPage</name>
        <message>
            <source>Soft — merged, to be reviewed</source>
            <translation>Mềm — đã gộp, cần xem lại</translation>
        </message>
        <message>
            <source>Hard — awaiting a decision</source>
            <translation>Cứng — chờ quyết định</translation>
        </message>
        <message>
            <source>Same ID number — a transfer or a duplicate record?</source>
            <translation>Trùng CCCD — chuyển công tác hay trùng hồ sơ?</translation>
        </message>
        <message>
            <source>Soft</source>
            <translation>Mềm</translation>
        </message>
        <message>
            <source>Hard</source>
            <translation>Cứng</translation>
        </message>
        <message>
            <source>Same ID number</source>
            <translation>Trùng CCCD</translation>
        </message>
        <message>
            <source>The two sides changed different fields: both changes were merged. Check them, then press «Keep mine» to close the conflict.</source>
            <translation>Hai bên sửa những trường khác nhau: đã gộp cả hai. Kiểm tra lại rồi bấm «Giữ bản của mình» để đóng.</translation>
        </message>
        <message>
            <source>The two sides changed the same field differently (or one deleted the record and the other changed it): nothing was applied. Choose the right version or correct it.</source>
            <translation>Hai bên sửa cùng một trường khác nhau (hoặc một bên xoá, một bên sửa): chưa áp dụng gì. Chọn bản đúng hoặc sửa lại.</translation>
        </message>
        <message>
            <source>A received record has the same ID number as a record of another unit: the person may have been transferred, or the two records are duplicates.</source>
            <translation>Một hồ sơ nhận về có cùng số CCCD với hồ sơ của đơn vị khác: có thể người này đã chuyển công tác, hoặc hai hồ sơ trùng nhau.</translation>
        </message>
        <message>
            <source>Managing unit</source>
            <translation>Đơn vị quản lý</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Đã xoá</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <source>Birth date precision</source>
            <translation>Độ chính xác ngày sinh</translation>
        </message>
        <message>
            <source>Other allowance</source>
            <translation>Phụ cấp khác</translation>
        </message>
        <message>
            <source>Socio-political organisation</source>
            <translation>Tổ chức chính trị – xã hội</translation>
        </message>
        <message>
            <source>Work strengths</source>
            <translation>Sở trường công tác</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Mối quan hệ</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(không rõ)</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <source>Correct the values</source>
            <translation>Sửa giá trị đúng</translation>
        </message>
        <message>
            <source>Type the right value of each field that differs. The old values of both sides are kept.</source>
            <translation>Nhập giá trị đúng cho từng trường đang khác nhau. Giá trị cũ của hai bên vẫn được lưu lại.</translation>
        </message>
        <message>
            <source>Ours: {local}
Received: {incoming}</source>
            <translation>Bản của mình: {local}
Bản nhận về: {incoming}</translation>
        </message>
        <message>
            <source>received: {value}</source>
            <translation>nhận về: {value}</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>Person / record</source>
            <translation>Cán bộ / bản ghi</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>From the package of</source>
            <translation>Từ gói của</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Also show the fields both sides agree on</source>
            <translation>Hiện cả các trường hai bên giống nhau</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <source>Common base</source>
            <translation>Gốc chung</translation>
        </message>
        <message>
            <source>Ours</source>
            <translation>Của mình</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Nhận về</translation>
        </message>
        <message>
            <source>Common base: the value before both sides changed it</source>
            <translation>Bản gốc chung: giá trị trước khi hai bên cùng sửa</translation>
        </message>
        <message>
            <source>Our version</source>
            <translation>Bản của mình</translation>
        </message>
        <message>
            <source>The received version</source>
            <translation>Bản nhận về</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Giữ bản của mình</translation>
        </message>
        <message>
            <source>Keep the record as it is in this office; the received version is kept in the conflict</source>
            <translation>Giữ nguyên hồ sơ ở đơn vị mình; bản nhận về được lưu lại trong xung đột</translation>
        </message>
        <message>
            <source>Take the received one</source>
            <translation>Lấy bản nhận về</translation>
        </message>
        <message>
            <source>Write the received values into the record; the old values are kept in the conflict</source>
            <translation>Ghi các giá trị nhận về vào hồ sơ; giá trị cũ được lưu lại trong xung đột</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Sửa…</translation>
        </message>
        <message>
            <source>Type the right value of the fields that differ</source>
            <translation>Nhập giá trị đúng cho các trường đang khác nhau</translation>
        </message>
        <message>
            <source>&lt;b&gt;{count}&lt;/b&gt; conflicts waiting to be resolved</source>
            <translation>&lt;b&gt;{count}&lt;/b&gt; xung đột đang chờ xử lý</translation>
        </message>
        <message>
            <source>&lt;span style='color:#1b5e20'&gt;&lt;b&gt;No conflicts left.&lt;/b&gt;&lt;/span&gt;</source>
            <translation>&lt;span style='color:#1b5e20'&gt;&lt;b&gt;Không còn xung đột nào.&lt;/b&gt;&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Package ID: {id}</source>
            <translation>Mã gói: {id}</translation>
        </message>
        <message>
            <source>received in the package of {unit}</source>
            <translation>nhận từ gói của {unit}</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Đang ghi…</translation>
        </message>
        <message>
            <source>Conflict resolved; the change goes up with the next package.</source>
            <translation>Đã xử lý xung đột; thay đổi sẽ được gửi lên cấp trên trong gói sau.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>{app} — unexpected error</source>
            <translation>{app} — lỗi không mong muốn</translation>
        </message>
        <message>
            <source>(the log file could not be written)</source>
            <translation>(chưa ghi được tệp nhật ký)</translation>
        </message>
        <message>
            <source>&lt;b&gt;The program met an unexpected error.&lt;/b&gt;&lt;br&gt;What you just did may not be complete; data saved before is not affected. Check what you just did. If the error comes back, click “Copy details” and send the text to technical support.&lt;br&gt;&lt;br&gt;The details were written to the log file:</source>
            <translation>&lt;b&gt;Chương trình gặp lỗi không mong muốn.&lt;/b&gt;&lt;br&gt;Thao tác vừa thực hiện có thể chưa hoàn tất; các dữ liệu đã lưu trước đó không bị ảnh hưởng. Hãy kiểm tra lại thao tác vừa làm. Nếu lỗi lặp lại, bấm “Sao chép chi tiết” và gửi nội dung đó cho bộ phận hỗ trợ kỹ thuật.&lt;br&gt;&lt;br&gt;Chi tiết đã được ghi vào tệp nhật ký:</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>Xem chi tiết</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Sao chép chi tiết</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Mở thư mục nhật ký</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Log: {path}</source>
            <translation>Nhật ký: {path}</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Đã sao chép</translation>
        </message>
        <message>
            <source>{path} (the folder could not be opened; open it by hand)</source>
            <translation>{path} (không mở được thư mục; hãy mở bằng tay)</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>Ẩn chi tiết</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <source>Record decision</source>
            <translation>Ghi quyết định</translation>
        </message>
        <message>
            <source>e.g. 12/QĐ-UBND</source>
            <translation>ví dụ 12/QĐ-UBND</translation>
        </message>
        <message>
            <source>e.g. UBND huyện Phú Xuân</source>
            <translation>ví dụ UBND huyện Phú Xuân</translation>
        </message>
        <message>
            <source>Decision type</source>
            <translation>Loại quyết định</translation>
        </message>
        <message>
            <source>Decision no.</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>Ngày ký</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>Cơ quan ban hành</translation>
        </message>
        <message>
            <source>Effective from</source>
            <translation>Ngày có hiệu lực</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Title (code list)</source>
            <translation>Chức danh (danh mục)</translation>
        </message>
        <message>
            <source>New grade</source>
            <translation>Ngạch mới</translation>
        </message>
        <message>
            <source>New step</source>
            <translation>Bậc mới</translation>
        </message>
        <message>
            <source>New coefficient</source>
            <translation>Hệ số mới</translation>
        </message>
        <message>
            <source>Seconded until</source>
            <translation>Biệt phái đến ngày</translation>
        </message>
        <message>
            <source>Award form</source>
            <translation>Hình thức khen thưởng</translation>
        </message>
        <message>
            <source>Discipline form</source>
            <translation>Hình thức kỷ luật</translation>
        </message>
        <message>
            <source>Content, reason</source>
            <translation>Nội dung, lý do</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ bỏ</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>Nhập một số.</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <source>Form 2C-BNV/2008 (civil servants)</source>
            <translation>Mẫu 2C-BNV/2008 (công chức)</translation>
        </message>
        <message>
            <source>Form 2C/TCTW-98 (cadres, party members)</source>
            <translation>Mẫu 2C/TCTW-98 (cán bộ, đảng viên)</translation>
        </message>
        <message>
            <source>Print CV — {form}…</source>
            <translation>In sơ yếu lý lịch — {form}…</translation>
        </message>
        <message>
            <source>Print CVs in &amp;batch (the selected people)…</source>
            <translation>In sơ yếu lý lịch &amp;hàng loạt (những người đã chọn)…</translation>
        </message>
        <message>
            <source>No one selected</source>
            <translation>Chưa chọn người</translation>
        </message>
        <message>
            <source>Choose a person in the list to print the CV.</source>
            <translation>Chọn một người trong danh sách để in sơ yếu lý lịch.</translation>
        </message>
        <message>
            <source>Making the CV…</source>
            <translation>Đang tạo sơ yếu lý lịch…</translation>
        </message>
        <message>
            <source>CV of {name} ({form})</source>
            <translation>Sơ yếu lý lịch {name} ({form})</translation>
        </message>
        <message>
            <source>Choose the people to print in the list (Ctrl+A selects everyone shown).</source>
            <translation>Chọn những người cần in trong danh sách (Ctrl+A chọn tất cả những người đang hiện).</translation>
        </message>
        <message>
            <source>Print CVs in batch</source>
            <translation>In sơ yếu lý lịch hàng loạt</translation>
        </message>
        <message>
            <source>&lt;b&gt;{count}&lt;/b&gt; people selected.</source>
            <translation>&lt;b&gt;{count}&lt;/b&gt; người đã chọn.</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Mẫu</translation>
        </message>
        <message>
            <source>One PDF file per person (into a folder)</source>
            <translation>Mỗi người một tệp PDF (vào một thư mục)</translation>
        </message>
        <message>
            <source>One merged PDF file, with an index by name</source>
            <translation>Một tệp PDF gộp, có mục lục theo tên</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Cách ghi</translation>
        </message>
        <message>
            <source>Folder or file to write</source>
            <translation>Thư mục hoặc tệp sẽ ghi</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>Ghi vào</translation>
        </message>
        <message>
            <source>Choose where to write, then click «Start».</source>
            <translation>Chọn nơi ghi rồi bấm «Bắt đầu».</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Dừng</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Merged PDF file</source>
            <translation>Tệp PDF gộp</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Tệp PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Folder for the PDF files</source>
            <translation>Thư mục ghi các tệp PDF</translation>
        </message>
        <message>
            <source>Choose the folder (or the merged file) to write.</source>
            <translation>Chọn thư mục (hoặc tệp gộp) sẽ ghi.</translation>
        </message>
        <message>
            <source>Making the files…</source>
            <translation>Đang tạo…</translation>
        </message>
        <message>
            <source>Stopping after the file being made…</source>
            <translation>Đang dừng sau tệp đang tạo…</translation>
        </message>
        <message>
            <source>Stopped: {done}/{total} CVs written.</source>
            <translation>Đã dừng: ghi được {done}/{total} sơ yếu lý lịch.</translation>
        </message>
        <message>
            <source>Done: {done}/{total} CVs in {seconds} seconds.</source>
            <translation>Xong: {done}/{total} sơ yếu lý lịch trong {seconds} giây.</translation>
        </message>
        <message>
            <source>{count} people could not be made: {errors}</source>
            <translation>{count} người không tạo được: {errors}</translation>
        </message>
        <message>
            <source>Could not make the files: {error}</source>
            <translation>Không tạo được: {error}</translation>
        </message>
    </context>
    <context>
        <name>EvaluationDialogs</name>
        <message>
            <source>(not yet)</source>
            <translation>(chưa có)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(không có)</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(trống)</translation>
        </message>
        <message>
            <source>Correct a locked evaluation result</source>
            <translation>Đính chính kết quả đánh giá đã khoá</translation>
        </message>
        <message>
            <source>{unit}, year {year} – the evaluation round is locked. Each correction is recorded (old value, new value, reason, date, who made it) and the level is classified again by the rules.</source>
            <translation>{unit}, năm {year} – đợt đánh giá đã khoá. Mỗi đính chính được ghi lại (giá trị cũ, giá trị mới, lý do, ngày, người sửa) và xếp loại lại theo quy định.</translation>
        </message>
        <message>
            <source>— (none proposed)</source>
            <translation>— (không đề xuất)</translation>
        </message>
        <message>
            <source>Basis of the correction: the appeal, the conclusion, their number and date…</source>
            <translation>Căn cứ đính chính: đơn phúc khảo, văn bản kết luận, số và ngày…</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Item corrected</source>
            <translation>Nội dung đính chính</translation>
        </message>
        <message>
            <source>Value stored</source>
            <translation>Giá trị đang lưu</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Giá trị mới</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>Lý do (bắt buộc)</translation>
        </message>
        <message>
            <source>Date of correction</source>
            <translation>Ngày đính chính</translation>
        </message>
        <message>
            <source>Record correction</source>
            <translation>Ghi đính chính</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ bỏ</translation>
        </message>
        <message>
            <source>a number, with a decimal comma: 50,5</source>
            <translation>số, gõ dấu phẩy cho phần thập phân: 50,5</translation>
        </message>
        <message>
            <source>Edit product</source>
            <translation>Sửa sản phẩm</translation>
        </message>
        <message>
            <source>Add product</source>
            <translation>Thêm sản phẩm</translation>
        </message>
        <message>
            <source>e.g. Handling applications for land use right certificates</source>
            <translation>ví dụ: Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất</translation>
        </message>
        <message>
            <source>measure: applications, reports, documents…</source>
            <translation>đơn vị tính: hồ sơ, báo cáo, văn bản…</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Nội dung sản phẩm</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Đơn vị tính</translation>
        </message>
        <message>
            <source>Number assigned</source>
            <translation>Số được giao</translation>
        </message>
        <message>
            <source>Number completed</source>
            <translation>Số đã hoàn thành</translation>
        </message>
        <message>
            <source>Major quality errors</source>
            <translation>Số lỗi lớn về chất lượng</translation>
        </message>
        <message>
            <source>Times behind schedule</source>
            <translation>Số lần chậm tiến độ</translation>
        </message>
        <message>
            <source>Save product</source>
            <translation>Lưu sản phẩm</translation>
        </message>
    </context>
    <context>
        <name>EvaluationGrid</name>
        <message>
            <source>Excellent</source>
            <translation>Xuất sắc</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Tốt</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Hoàn thành</translation>
        </message>
        <message>
            <source>Not completed</source>
            <translation>Không hoàn thành</translation>
        </message>
        <message>
            <source>Not classified</source>
            <translation>Không xếp loại</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>General /30</source>
            <translation>Chung /30</translation>
        </message>
        <message>
            <source>Points for the general criteria (0–30); type decimals with a comma: 27,5</source>
            <translation>Điểm tiêu chí chung (0–30), gõ số thập phân bằng dấu phẩy: 27,5</translation>
        </message>
        <message>
            <source>Tasks /70</source>
            <translation>Nhiệm vụ /70</translation>
        </message>
        <message>
            <source>Points for the results of the tasks (0–70); leave empty if they come from the products</source>
            <translation>Điểm kết quả thực hiện nhiệm vụ (0–70); để trống nếu tính từ sản phẩm</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Tổng</translation>
        </message>
        <message>
            <source>Total points (/100)</source>
            <translation>Tổng điểm (/100)</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Xếp loại</translation>
        </message>
        <message>
            <source>The level from the total points and the rules</source>
            <translation>Mức xếp loại theo tổng điểm và các quy định</translation>
        </message>
        <message>
            <source>Proposed level</source>
            <translation>Mức đề xuất</translation>
        </message>
        <message>
            <source>The level proposed by the competent authority: type 1 (Excellent), 2 (Good), 3 (Completed), 4 (Not completed); Delete clears it</source>
            <translation>Mức do cấp có thẩm quyền đề xuất: gõ 1 (Xuất sắc), 2 (Tốt), 3 (Hoàn thành), 4 (Không hoàn thành); Delete để xoá</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>The level after the rules are applied</source>
            <translation>Mức xếp loại sau khi áp dụng các quy định</translation>
        </message>
        <message>
            <source>Self-assessment</source>
            <translation>Tự đánh giá</translation>
        </message>
        <message>
            <source>A summary of this person's self-assessment</source>
            <translation>Tóm tắt bản tự đánh giá của người này</translation>
        </message>
        <message>
            <source>Unit's comments</source>
            <translation>Nhận xét của đơn vị</translation>
        </message>
        <message>
            <source>The unit's comments and assessment</source>
            <translation>Nhận xét, đánh giá của đơn vị</translation>
        </message>
        <message>
            <source>Pr.</source>
            <translation>SP</translation>
        </message>
        <message>
            <source>Number of products recorded (see Products below)</source>
            <translation>Số sản phẩm đã ghi (xem phần Sản phẩm bên dưới)</translation>
        </message>
        <message>
            <source>To fix / reasons</source>
            <translation>Cần xử lý / lý do</translation>
        </message>
        <message>
            <source>What is wrong with this row and the rules that limited its level</source>
            <translation>Điều chưa ổn của dòng này và các quy định đã giới hạn mức xếp loại</translation>
        </message>
        <message>
            <source>Excellent: {excellent}/{good} «Good» = {share} ≤ {max_pct} of «Good» (at most {allowed} people) – within the quota.</source>
            <translation>Xuất sắc: {excellent}/{good} «Tốt» = {share} ≤ {max_pct} số «Tốt» (tối đa {allowed} người) – đạt tỷ lệ.</translation>
        </message>
        <message>
            <source>Excellent: {excellent}/{good} «Good» = {share} &gt; {max_pct} of «Good» (at most {allowed} people) – {over} people OVER: lower some levels or review them before approval.</source>
            <translation>Xuất sắc: {excellent}/{good} «Tốt» = {share} &gt; {max_pct} số «Tốt» (tối đa {allowed} người) – VƯỢT {over} người: phải hạ mức hoặc xem lại trước khi phê duyệt.</translation>
        </message>
        <message>
            <source>Excellent: {excellent}, nobody «Good» yet – at most {max_pct} of «Good» (at most {allowed} people) – within the quota.</source>
            <translation>Xuất sắc: {excellent}, chưa có ai «Tốt» – tối đa {max_pct} số «Tốt» (tối đa {allowed} người) – đạt tỷ lệ.</translation>
        </message>
        <message>
            <source>Excellent: {excellent}, nobody «Good» yet – at most {max_pct} of «Good» (at most {allowed} people) – {over} people OVER: lower some levels or review them before approval.</source>
            <translation>Xuất sắc: {excellent}, chưa có ai «Tốt» – tối đa {max_pct} số «Tốt» (tối đa {allowed} người) – VƯỢT {over} người: phải hạ mức hoặc xem lại trước khi phê duyệt.</translation>
        </message>
        <message>
            <source>There is no level «{text}»: type {choices}.</source>
            <translation>Mức «{text}» không có: gõ {choices}.</translation>
        </message>
        <message>
            <source>no such level</source>
            <translation>không có</translation>
        </message>
        <message>
            <source>No result yet</source>
            <translation>Chưa có kết quả</translation>
        </message>
        <message>
            <source>Under the current rules: {level}</source>
            <translation>Theo quy định hiện hành: {level}</translation>
        </message>
        <message>
            <source>Computed from the products</source>
            <translation>Tính từ sản phẩm</translation>
        </message>
        <message>
            <source>Points for the general criteria</source>
            <translation>Điểm tiêu chí chung</translation>
        </message>
        <message>
            <source>Points for the results of the tasks</source>
            <translation>Điểm kết quả thực hiện nhiệm vụ</translation>
        </message>
        <message>
            <source>Evaluation grid</source>
            <translation>Bảng đánh giá, xếp loại</translation>
        </message>
    </context>
    <context>
        <name>EvaluationPage</name>
        <message>
            <source>Product</source>
            <translation>Sản phẩm</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Đơn vị tính</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Giao</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Chậm</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Old value</source>
            <translation>Giá trị cũ</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Giá trị mới</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Corrected by</source>
            <translation>Người sửa</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Evaluation and classification</source>
            <translation>Đánh giá, xếp loại</translation>
        </message>
        <message>
            <source>— choose a unit —</source>
            <translation>— chọn đơn vị —</translation>
        </message>
        <message>
            <source>Unit evaluated</source>
            <translation>Đơn vị đánh giá</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Year evaluated</source>
            <translation>Năm đánh giá</translation>
        </message>
        <message>
            <source>Open round</source>
            <translation>Mở đợt đánh giá</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Rounds opened</source>
            <translation>Các đợt đã mở</translation>
        </message>
        <message>
            <source>Evaluation grid</source>
            <translation>Bảng đánh giá, xếp loại</translation>
        </message>
        <message>
            <source>Confidence votes</source>
            <translation>Lấy phiếu tín nhiệm</translation>
        </message>
        <message>
            <source>Planning</source>
            <translation>Quy hoạch</translation>
        </message>
        <message>
            <source>Share of Excellent</source>
            <translation>Tỷ lệ xuất sắc</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Phê duyệt</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Khoá</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Mở lại</translation>
        </message>
        <message>
            <source>Correction…</source>
            <translation>Đính chính…</translation>
        </message>
        <message>
            <source>Add new people</source>
            <translation>Bổ sung người mới</translation>
        </message>
        <message>
            <source>Add to the round the people who joined the unit after it was opened</source>
            <translation>Thêm vào đợt những người mới về đơn vị sau khi mở đợt</translation>
        </message>
        <message>
            <source>Excellent unit (higher share)</source>
            <translation>Đơn vị xuất sắc (tỷ lệ cao hơn)</translation>
        </message>
        <message>
            <source>The agency or unit was rated «Hoàn thành xuất sắc nhiệm vụ» by the competent authority: the rules allow a higher share of «Excellent»</source>
            <translation>Cơ quan, đơn vị được cấp có thẩm quyền đánh giá «Hoàn thành xuất sắc nhiệm vụ»: tỷ lệ «Xuất sắc» tối đa cao hơn theo quy định</translation>
        </message>
        <message>
            <source>Maternity leave</source>
            <translation>Nghỉ thai sản</translation>
        </message>
        <message>
            <source>Months worked</source>
            <translation>Số tháng công tác</translation>
        </message>
        <message>
            <source>Months off</source>
            <translation>Số tháng nghỉ</translation>
        </message>
        <message>
            <source>Task points computed from the products</source>
            <translation>Điểm nhiệm vụ tính từ sản phẩm</translation>
        </message>
        <message>
            <source>Save details</source>
            <translation>Lưu chi tiết</translation>
        </message>
        <message>
            <source>Add product…</source>
            <translation>Thêm sản phẩm…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Sửa…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <source>Details, products</source>
            <translation>Chi tiết, sản phẩm</translation>
        </message>
        <message>
            <source>Correction history</source>
            <translation>Lịch sử đính chính</translation>
        </message>
        <message>
            <source>{count} rounds</source>
            <translation>{count} đợt</translation>
        </message>
        <message>
            <source>no rounds yet</source>
            <translation>chưa có đợt nào</translation>
        </message>
        <message>
            <source>{year} – {unit} ({status}, {count} people)</source>
            <translation>{year} – {unit} ({status}, {count} người)</translation>
        </message>
        <message>
            <source>&lt;b&gt;There is no evaluation round of {unit} for {year} yet.&lt;/b&gt; Click «Open round» to set up the grid for everyone working in the unit.</source>
            <translation>&lt;b&gt;Chưa có đợt đánh giá năm {year} của {unit}.&lt;/b&gt; Bấm «Mở đợt đánh giá» để lập bảng cho mọi người đang công tác của đơn vị.</translation>
        </message>
        <message>
            <source>&lt;b&gt;There is no evaluation round of {unit} for {year} yet.&lt;/b&gt; Only the head of the office or an administrator may open a round. Ask the head of the office to open it; the clerks then enter the results.</source>
            <translation>&lt;b&gt;Chưa có đợt đánh giá năm {year} của {unit}.&lt;/b&gt; Chỉ lãnh đạo phòng hoặc quản trị viên được mở đợt đánh giá. Đề nghị lãnh đạo phòng mở đợt, sau đó chuyên viên nhập kết quả.</translation>
        </message>
        <message>
            <source>Choose the unit and the year, or a round already opened.</source>
            <translation>Chọn đơn vị và năm đánh giá, hoặc chọn một đợt đã mở.</translation>
        </message>
        <message>
            <source>opened on {date}</source>
            <translation>mở ngày {date}</translation>
        </message>
        <message>
            <source>approved on {date} ({by})</source>
            <translation>phê duyệt ngày {date} ({by})</translation>
        </message>
        <message>
            <source>locked on {date}</source>
            <translation>khoá ngày {date}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Evaluation round {year} – {unit}&lt;/b&gt; · {regime} · {status} ({dates}) · Results for {entered}/{total} people: {counts}.</source>
            <translation>&lt;b&gt;Đợt đánh giá năm {year} – {unit}&lt;/b&gt; · {regime} · {status} ({dates}) · Đã có kết quả {entered}/{total} người: {counts}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Evaluation round {year} – {unit}&lt;/b&gt; · {regime} · {status} ({dates}) · Results for {entered}/{total} people.</source>
            <translation>&lt;b&gt;Đợt đánh giá năm {year} – {unit}&lt;/b&gt; · {regime} · {status} ({dates}) · Đã có kết quả {entered}/{total} người.</translation>
        </message>
        <message>
            <source>Legal basis: {source}</source>
            <translation>Căn cứ: {source}</translation>
        </message>
        <message>
            <source>{message}
Legal basis: {source}</source>
            <translation>{message}
Căn cứ: {source}</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>… và {count} điều khác</translation>
        </message>
        <message>
            <source>The round is locked: results change only by «Correction…» with a reason (the head of the office or an administrator); every correction is recorded in the history.</source>
            <translation>Đợt đã khoá: kết quả chỉ thay đổi bằng «Đính chính…» có ghi lý do (lãnh đạo phòng hoặc quản trị viên); mọi đính chính được ghi vào lịch sử.</translation>
        </message>
        <message>
            <source>Approved: «Lock» to settle the results, or «Reopen» to change them.</source>
            <translation>Đã phê duyệt: «Khoá» để chốt kết quả, hoặc «Mở lại» để sửa.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may open a round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được mở đợt đánh giá.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may approve the results.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được phê duyệt kết quả.</translation>
        </message>
        <message>
            <source>Cannot be approved yet: there is still something to fix (the red lines above).</source>
            <translation>Chưa phê duyệt được: còn việc phải xử lý (dòng đỏ ở trên).</translation>
        </message>
        <message>
            <source>Only a round whose results are being entered can be approved.</source>
            <translation>Chỉ phê duyệt được đợt đang nhập kết quả.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may lock the round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được khoá đợt đánh giá.</translation>
        </message>
        <message>
            <source>Approve before locking.</source>
            <translation>Phê duyệt trước khi khoá.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may reopen the round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được mở lại đợt đánh giá.</translation>
        </message>
        <message>
            <source>Only an approved round that is not locked can be reopened.</source>
            <translation>Chỉ mở lại được đợt đã phê duyệt, chưa khoá.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may correct the results.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được đính chính kết quả.</translation>
        </message>
        <message>
            <source>The round is not locked: change it directly in the grid.</source>
            <translation>Đợt chưa khoá: sửa trực tiếp trong bảng.</translation>
        </message>
        <message>
            <source>Only the head of the office or an administrator may add people to the round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được bổ sung người vào đợt.</translation>
        </message>
        <message>
            <source>People can be added only while the results are being entered.</source>
            <translation>Chỉ bổ sung được khi đợt đang nhập kết quả.</translation>
        </message>
        <message>
            <source>Correction history ({count})</source>
            <translation>Lịch sử đính chính ({count})</translation>
        </message>
        <message>
            <source>Choose a person in the grid.</source>
            <translation>Chọn một người trong bảng.</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Sản phẩm</translation>
        </message>
        <message>
            <source>no position recorded</source>
            <translation>chưa ghi chức vụ</translation>
        </message>
        <message>
            <source>Result: &lt;b&gt;{level}&lt;/b&gt; ({points} points)</source>
            <translation>Kết quả: &lt;b&gt;{level}&lt;/b&gt; ({points} điểm)</translation>
        </message>
        <message>
            <source>Result: &lt;b&gt;{level}&lt;/b&gt;</source>
            <translation>Kết quả: &lt;b&gt;{level}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>No result yet.</source>
            <translation>Chưa có kết quả.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Products ({count})&lt;/b&gt;</source>
            <translation>&lt;b&gt;Sản phẩm ({count})&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Products ({count})&lt;/b&gt; – from the products: quantity {quantity}, quality {quality}, timeliness {timeliness} → {score}/70 task points</source>
            <translation>&lt;b&gt;Sản phẩm ({count})&lt;/b&gt; – theo sản phẩm: số lượng {quantity}, chất lượng {quality}, tiến độ {timeliness} → {score}/70 điểm nhiệm vụ</translation>
        </message>
        <message>
            <source>Saving: {name}…</source>
            <translation>Đang lưu: {name}…</translation>
        </message>
        <message>
            <source>Saved: {name} – {level}.</source>
            <translation>Đã lưu: {name} – {level}.</translation>
        </message>
        <message>
            <source>Saved: {name}.</source>
            <translation>Đã lưu: {name}.</translation>
        </message>
        <message>
            <source>The round is locked: results change only by «Correction…» with a reason.</source>
            <translation>Đợt đánh giá đã khoá: kết quả chỉ thay đổi bằng «Đính chính…» có ghi lý do.</translation>
        </message>
        <message>
            <source>The round is approved: the head of the office must «Reopen» it before any change.</source>
            <translation>Đợt đánh giá đã phê duyệt: lãnh đạo phòng «Mở lại» trước khi sửa.</translation>
        </message>
        <message>
            <source>You may only view the evaluation results.</source>
            <translation>Bạn chỉ có quyền xem kết quả đánh giá.</translation>
        </message>
        <message>
            <source>Choose a unit.</source>
            <translation>Chọn đơn vị.</translation>
        </message>
        <message>
            <source>Opened the evaluation round of {year}.</source>
            <translation>Đã mở đợt đánh giá năm {year}.</translation>
        </message>
        <message>
            <source>The evaluation results are approved.</source>
            <translation>Đã phê duyệt kết quả đánh giá.</translation>
        </message>
        <message>
            <source>Locked: from now on results change only by a correction with a reason.</source>
            <translation>Đã khoá: từ nay kết quả chỉ thay đổi bằng đính chính có ghi lý do.</translation>
        </message>
        <message>
            <source>The evaluation round is reopened for changes.</source>
            <translation>Đã mở lại đợt đánh giá để sửa.</translation>
        </message>
        <message>
            <source>Added {count} people.</source>
            <translation>Đã bổ sung {count} người.</translation>
        </message>
        <message>
            <source>Nobody new has joined the unit.</source>
            <translation>Không có ai mới về đơn vị.</translation>
        </message>
        <message>
            <source>The correction is recorded.</source>
            <translation>Đã ghi đính chính.</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>dd/mm/yyyy or yyyy</source>
            <translation>dd/mm/yyyy hoặc yyyy</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>dd/mm/yyyy</translation>
        </message>
        <message>
            <source>Enter the full day, month and year (dd/mm/yyyy).</source>
            <translation>Cần đủ ngày, tháng, năm (dd/mm/yyyy).</translation>
        </message>
        <message>
            <source>*** (sensitive, not shown to this account)</source>
            <translation>*** (thông tin nhạy cảm, tài khoản này không được xem)</translation>
        </message>
        <message>
            <source>Sensitive information (Personal Data Protection Law 2025): this account may not see it.</source>
            <translation>Thông tin nhạy cảm (Luật Bảo vệ dữ liệu cá nhân 2025): tài khoản của anh/chị không được xem.</translation>
        </message>
        <message>
            <source>{code} (not in the code list)</source>
            <translation>{code} (không có trong danh mục)</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Welcome to Cán bộ Desktop</source>
            <translation>Chào mừng đến với Cán bộ Desktop</translation>
        </message>
        <message>
            <source>This database is empty. How would you like to start?</source>
            <translation>Cơ sở dữ liệu này còn trống. Anh/chị muốn bắt đầu thế nào?</translation>
        </message>
        <message>
            <source>Set up for my office (enter the office details and an administrator account)</source>
            <translation>Khởi tạo cho đơn vị của tôi (nhập thông tin đơn vị và tài khoản quản trị)</translation>
        </message>
        <message>
            <source>Try it with sample data: one district, about 2,000 staff (account admin / canbo2026)</source>
            <translation>Dùng thử với dữ liệu mẫu: một huyện, khoảng 2.000 cán bộ (tài khoản admin / canbo2026)</translation>
        </message>
        <message>
            <source>Your office</source>
            <translation>Đơn vị của anh/chị</translation>
        </message>
        <message>
            <source>The unit code from the code list (e.g. the commune code of QĐ 19/2025) and the full name as on documents.</source>
            <translation>Mã đơn vị theo danh mục (ví dụ mã xã theo QĐ 19/2025) và tên đầy đủ như trên văn bản.</translation>
        </message>
        <message>
            <source>e.g. Ủy ban nhân dân xã Thanh Hà</source>
            <translation>ví dụ: Ủy ban nhân dân xã Thanh Hà</translation>
        </message>
        <message>
            <source>place name written on documents, e.g. Thanh Hà</source>
            <translation>địa danh ghi trên văn bản, ví dụ: Thanh Hà</translation>
        </message>
        <message>
            <source>symbol, e.g. UBND</source>
            <translation>ký hiệu, ví dụ: UBND</translation>
        </message>
        <message>
            <source>Unit code</source>
            <translation>Mã đơn vị</translation>
        </message>
        <message>
            <source>Unit name</source>
            <translation>Tên đơn vị</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>Loại đơn vị</translation>
        </message>
        <message>
            <source>Place name</source>
            <translation>Địa danh</translation>
        </message>
        <message>
            <source>Document symbol</source>
            <translation>Ký hiệu văn bản</translation>
        </message>
        <message>
            <source>Administrator account</source>
            <translation>Tài khoản quản trị</translation>
        </message>
        <message>
            <source>The administrator creates the other accounts. Passwords have at least {count} characters.</source>
            <translation>Người quản trị tạo các tài khoản khác. Mật khẩu ít nhất {count} ký tự.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <source>Enter a user name.</source>
            <translation>Nhập tên đăng nhập.</translation>
        </message>
        <message>
            <source>The password must have at least {count} characters.</source>
            <translation>Mật khẩu phải có ít nhất {count} ký tự.</translation>
        </message>
        <message>
            <source>The two passwords do not match.</source>
            <translation>Hai lần nhập mật khẩu không khớp.</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Sẵn sàng</translation>
        </message>
        <message>
            <source>Click “Finish” to create the database.</source>
            <translation>Bấm “Hoàn tất” để tạo cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>Set up Cán bộ Desktop</source>
            <translation>Khởi tạo Cán bộ Desktop</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp &gt;</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Hoàn tất</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
    </context>
    <context>
        <name>IdleLock</name>
        <message>
            <source>&lt;h3&gt;Screen locked&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Màn hình đã khoá&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>Nothing was done for a while, so the program locked itself to protect the records. Enter the password of “{user}” to continue.</source>
            <translation>Không có thao tác trong một thời gian nên chương trình đã tự khoá để bảo vệ hồ sơ. Nhập mật khẩu của “{user}” để tiếp tục.</translation>
        </message>
        <message>
            <source>Password to unlock</source>
            <translation>Mật khẩu để mở khoá</translation>
        </message>
        <message>
            <source>Exit the program</source>
            <translation>Thoát chương trình</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Mở khoá</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Add new people and update existing ones</source>
            <translation>Thêm người mới và cập nhật người đã có</translation>
        </message>
        <message>
            <source>Only add new people</source>
            <translation>Chỉ thêm người mới</translation>
        </message>
        <message>
            <source>Only update existing people</source>
            <translation>Chỉ cập nhật người đã có</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Thêm mới</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Không đổi</translation>
        </message>
        <message>
            <source>Error – skipped</source>
            <translation>Lỗi – bỏ qua</translation>
        </message>
        <message>
            <source>Import cadres from Excel</source>
            <translation>Nhập danh sách cán bộ từ Excel</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp &gt;</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Step 1. Choose the Excel file</source>
            <translation>Bước 1. Chọn tệp Excel</translation>
        </message>
        <message>
            <source>An .xlsx file (Excel 2007 or later). An old .xls file: open it in Excel and «Save as» .xlsx. TCVN3 (.VnTime), VNI and VISCII text is converted to Unicode.</source>
            <translation>Tệp .xlsx (Excel 2007 trở lên). Tệp .xls cũ: mở bằng Excel rồi «Lưu thành» .xlsx. Chữ TCVN3 (.VnTime), VNI và VISCII được tự chuyển sang Unicode.</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Chọn tệp…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Trang tính</translation>
        </message>
        <message>
            <source>Import mode</source>
            <translation>Cách nhập</translation>
        </message>
        <message>
            <source>Choose an Excel file</source>
            <translation>Chọn tệp Excel</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx *.xlsm);;All files (*)</source>
            <translation>Tệp Excel (*.xlsx *.xlsm);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Đang kiểm tra tệp…</translation>
        </message>
        <message>
            <source>{sheet} (hidden)</source>
            <translation>{sheet} (ẩn)</translation>
        </message>
        <message>
            <source>{count} sheets, {size} KB.</source>
            <translation>{count} trang tính, {size} KB.</translation>
        </message>
        <message>
            <source>Choose a valid Excel file first.</source>
            <translation>Chọn một tệp Excel hợp lệ trước.</translation>
        </message>
        <message>
            <source>Read {count} rows.</source>
            <translation>Đã đọc {count} dòng.</translation>
        </message>
        <message>
            <source>Reading the sheet…</source>
            <translation>Đang đọc trang tính…</translation>
        </message>
        <message>
            <source>Step 2. Match the columns to the record's fields</source>
            <translation>Bước 2. Ghép cột với thông tin hồ sơ</translation>
        </message>
        <message>
            <source>The columns were matched by their names (with or without diacritics). Correct them if needed; a column left at «(not imported)» is skipped. The matching is remembered for next time.</source>
            <translation>Các cột đã được ghép tự động theo tên cột (có dấu hoặc không dấu). Sửa nếu cần; cột để «(không nhập)» sẽ bị bỏ qua. Cách ghép được nhớ cho lần sau.</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>Cột trong tệp</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>Ví dụ</translation>
        </message>
        <message>
            <source>Field in the record</source>
            <translation>Thông tin trong hồ sơ</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>(không nhập)</translation>
        </message>
        <message>
            <source>Header row: {header}. Data from row {first}.</source>
            <translation>Dòng tiêu đề: {header}. Dữ liệu từ dòng {first}.</translation>
        </message>
        <message>
            <source>Comparing with the database…</source>
            <translation>Đang đối chiếu với cơ sở dữ liệu…</translation>
        </message>
        <message>
            <source>Step 3. Preview</source>
            <translation>Bước 3. Xem trước</translation>
        </message>
        <message>
            <source>Nothing has been written yet. Rows with errors are skipped; you can save the error report to fix them and import again.</source>
            <translation>Chưa có gì được ghi. Các dòng lỗi sẽ bị bỏ qua; có thể lưu báo cáo lỗi để sửa rồi nhập lại.</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Dòng</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Problems / changes</source>
            <translation>Vấn đề / thay đổi</translation>
        </message>
        <message>
            <source>Save error report (Excel)…</source>
            <translation>Lưu báo cáo lỗi (Excel)…</translation>
        </message>
        <message>
            <source>&lt;b&gt;{inserted}&lt;/b&gt; new people · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b style='color:#b00020'&gt;{rejected}&lt;/b&gt; rows with errors · {skipped} empty rows skipped</source>
            <translation>&lt;b&gt;{inserted}&lt;/b&gt; người thêm mới · &lt;b&gt;{updated}&lt;/b&gt; cập nhật · &lt;b&gt;{unchanged}&lt;/b&gt; không đổi · &lt;b style='color:#b00020'&gt;{rejected}&lt;/b&gt; dòng lỗi · {skipped} dòng trống bỏ qua</translation>
        </message>
        <message>
            <source>&lt;b&gt;{inserted}&lt;/b&gt; new people · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b style='color:#b00020'&gt;{rejected}&lt;/b&gt; rows with errors</source>
            <translation>&lt;b&gt;{inserted}&lt;/b&gt; người thêm mới · &lt;b&gt;{updated}&lt;/b&gt; cập nhật · &lt;b&gt;{unchanged}&lt;/b&gt; không đổi · &lt;b style='color:#b00020'&gt;{rejected}&lt;/b&gt; dòng lỗi</translation>
        </message>
        <message>
            <source>Press «Next» to import (the database is backed up first).</source>
            <translation>Bấm «Tiếp» để nhập (cơ sở dữ liệu được sao lưu trước).</translation>
        </message>
        <message>
            <source>Nothing to write: every row is unchanged or has errors.</source>
            <translation>Không có gì để ghi: mọi dòng đều không đổi hoặc bị lỗi.</translation>
        </message>
        <message>
            <source>Save the error report</source>
            <translation>Lưu báo cáo lỗi</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Tệp Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Saved {count} rows with errors to {path}.</source>
            <translation>Đã lưu {count} dòng lỗi vào {path}.</translation>
        </message>
        <message>
            <source>Backing up and writing to the database…</source>
            <translation>Đang sao lưu và ghi vào cơ sở dữ liệu…</translation>
        </message>
        <message>
            <source>Step 4. Result</source>
            <translation>Bước 4. Kết quả</translation>
        </message>
        <message>
            <source>Added &lt;b&gt;{inserted}&lt;/b&gt; people, updated &lt;b&gt;{updated}&lt;/b&gt;, unchanged &lt;b&gt;{unchanged}&lt;/b&gt;; &lt;b&gt;{rejected}&lt;/b&gt; rows with errors not imported.&lt;br&gt;Backup made before the import: {backup}</source>
            <translation>Đã thêm &lt;b&gt;{inserted}&lt;/b&gt; người, cập nhật &lt;b&gt;{updated}&lt;/b&gt;, không đổi &lt;b&gt;{unchanged}&lt;/b&gt;; &lt;b&gt;{rejected}&lt;/b&gt; dòng lỗi không nhập.&lt;br&gt;Bản sao lưu trước khi nhập: {backup}</translation>
        </message>
        <message>
            <source>Added &lt;b&gt;{inserted}&lt;/b&gt; people, updated &lt;b&gt;{updated}&lt;/b&gt;, unchanged &lt;b&gt;{unchanged}&lt;/b&gt;; &lt;b&gt;{rejected}&lt;/b&gt; rows with errors not imported.</source>
            <translation>Đã thêm &lt;b&gt;{inserted}&lt;/b&gt; người, cập nhật &lt;b&gt;{updated}&lt;/b&gt;, không đổi &lt;b&gt;{unchanged}&lt;/b&gt;; &lt;b&gt;{rejected}&lt;/b&gt; dòng lỗi không nhập.</translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <source>Error message</source>
            <translation>Thông báo lỗi</translation>
        </message>
        <message>
            <source>Sign in — {app}</source>
            <translation>Đăng nhập — {app}</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Mật khẩu:</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>Exit</source>
            <translation>Thoát</translation>
        </message>
        <message>
            <source>Enter the user name.</source>
            <translation>Nhập tên đăng nhập.</translation>
        </message>
        <message>
            <source>Set a new password before starting work.</source>
            <translation>Cần đặt mật khẩu mới trước khi làm việc.</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>This account has a temporary password set by the administrator: please choose your own.</source>
            <translation>Tài khoản đang dùng mật khẩu tạm do quản trị viên đặt: hãy chọn mật khẩu của riêng anh/chị.</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Mật khẩu hiện tại</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Mật khẩu mới</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>Nhập lại mật khẩu mới</translation>
        </message>
        <message>
            <source>Current password:</source>
            <translation>Mật khẩu hiện tại:</translation>
        </message>
        <message>
            <source>New password (at least 8 characters):</source>
            <translation>Mật khẩu mới (ít nhất 8 ký tự):</translation>
        </message>
        <message>
            <source>New password again:</source>
            <translation>Nhập lại mật khẩu mới:</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>The two new passwords do not match.</source>
            <translation>Hai lần nhập mật khẩu mới không khớp.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Cadre records</source>
            <translation>Hồ sơ cán bộ</translation>
        </message>
        <message>
            <source>Evaluation and rating</source>
            <translation>Đánh giá, xếp loại</translation>
        </message>
        <message>
            <source>Planning and appointments</source>
            <translation>Quy hoạch, bổ nhiệm</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Nhắc việc</translation>
        </message>
        <message>
            <source>Reports and indicators</source>
            <translation>Báo cáo, chỉ tiêu</translation>
        </message>
        <message>
            <source>USB sync</source>
            <translation>Đồng bộ USB</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Quản trị</translation>
        </message>
        <message>
            <source>An unexpected error occurred:
{error}</source>
            <translation>Đã xảy ra lỗi không mong muốn:
{error}</translation>
        </message>
        <message>
            <source>not set up</source>
            <translation>chưa khởi tạo</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cadre records&lt;/b&gt;</source>
            <translation>&lt;b&gt;Hồ sơ cán bộ&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Search by name (with or without accents), ID card, phone, birth year, home town, unit…</source>
            <translation>Tìm theo tên (có dấu hoặc không dấu), CCCD, điện thoại, năm sinh, quê quán, đơn vị…</translation>
        </message>
        <message>
            <source>Search cadres</source>
            <translation>Tìm cán bộ</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>Xoá lọc</translation>
        </message>
        <message>
            <source>Remove every filter and show the whole list again</source>
            <translation>Bỏ mọi bộ lọc, hiện lại cả danh sách</translation>
        </message>
        <message>
            <source>Conflicts: {count}</source>
            <translation>Xung đột: {count}</translation>
        </message>
        <message>
            <source>Sync conflicts waiting to be resolved (click to open)</source>
            <translation>Xung đột đồng bộ đang chờ xử lý (bấm để mở)</translation>
        </message>
        <message>
            <source>Unit: {unit}</source>
            <translation>Đơn vị: {unit}</translation>
        </message>
        <message>
            <source>Unit not set up</source>
            <translation>Chưa khởi tạo đơn vị</translation>
        </message>
        <message>
            <source>User: {user}</source>
            <translation>Người dùng: {user}</translation>
        </message>
        <message>
            <source>Database: {database}</source>
            <translation>CSDL: {database}</translation>
        </message>
        <message>
            <source>Program sections</source>
            <translation>Các phần của chương trình</translation>
        </message>
        <message>
            <source>{section} (Ctrl+{number})</source>
            <translation>{section} (Ctrl+{number})</translation>
        </message>
        <message>
            <source>Reminders ({count})</source>
            <translation>Nhắc việc ({count})</translation>
        </message>
        <message>
            <source>Password changed.</source>
            <translation>Đã đổi mật khẩu.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <source>&amp;Import cadre list from Excel…</source>
            <translation>&amp;Nhập danh sách cán bộ từ Excel…</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>Đổi &amp;mật khẩu…</translation>
        </message>
        <message>
            <source>Activity &amp;log…</source>
            <translation>Nhật &amp;ký thao tác…</translation>
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Làm mới</translation>
        </message>
        <message>
            <source>&amp;Records</source>
            <translation>&amp;Hồ sơ</translation>
        </message>
        <message>
            <source>&amp;Find cadre</source>
            <translation>&amp;Tìm cán bộ</translation>
        </message>
        <message>
            <source>&amp;Open record</source>
            <translation>&amp;Mở hồ sơ</translation>
        </message>
        <message>
            <source>&amp;Add cadre</source>
            <translation>&amp;Thêm cán bộ</translation>
        </message>
        <message>
            <source>&amp;Export list to Excel…</source>
            <translation>&amp;Xuất danh sách ra Excel…</translation>
        </message>
        <message>
            <source>T&amp;rash…</source>
            <translation>Thùng &amp;rác…</translation>
        </message>
        <message>
            <source>&amp;Move to trash</source>
            <translation>&amp;Xoá vào thùng rác</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>Mở thư mục &amp;nhật ký</translation>
        </message>
        <message>
            <source>Open the folder of the log files (attach them when reporting a problem)</source>
            <translation>Mở thư mục chứa tệp nhật ký (gửi kèm khi báo lỗi)</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Giới thiệu</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <source>The language will change the next time the program opens.</source>
            <translation>Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau.</translation>
        </message>
        <message>
            <source>Unit (with the units under it)</source>
            <translation>Đơn vị (cả các đơn vị cấp dưới)</translation>
        </message>
        <message>
            <source>Filter by unit (with the units under it)</source>
            <translation>Lọc theo đơn vị (cả các đơn vị cấp dưới)</translation>
        </message>
        <message>
            <source>All units</source>
            <translation>Mọi đơn vị</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Lọc theo tình trạng</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Mọi tình trạng</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Filter by sex</source>
            <translation>Lọc theo giới tính</translation>
        </message>
        <message>
            <source>Men and women</source>
            <translation>Nam và nữ</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Độ tuổi</translation>
        </message>
        <message>
            <source>Filter by age</source>
            <translation>Lọc theo độ tuổi</translation>
        </message>
        <message>
            <source>All ages</source>
            <translation>Mọi độ tuổi</translation>
        </message>
        <message>
            <source>Qualification</source>
            <translation>Trình độ chuyên môn</translation>
        </message>
        <message>
            <source>Filter by qualification</source>
            <translation>Lọc theo trình độ chuyên môn</translation>
        </message>
        <message>
            <source>All levels</source>
            <translation>Mọi trình độ</translation>
        </message>
        <message>
            <source>Party membership</source>
            <translation>Đảng viên</translation>
        </message>
        <message>
            <source>Filter by party membership</source>
            <translation>Lọc theo đảng viên</translation>
        </message>
        <message>
            <source>Party: all</source>
            <translation>Đảng: tất cả</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>Là đảng viên</translation>
        </message>
        <message>
            <source>Not a party member</source>
            <translation>Chưa là đảng viên</translation>
        </message>
        <message>
            <source>Planning</source>
            <translation>Quy hoạch</translation>
        </message>
        <message>
            <source>Filter by planning</source>
            <translation>Lọc theo quy hoạch</translation>
        </message>
        <message>
            <source>Planning: all</source>
            <translation>Quy hoạch: mọi</translation>
        </message>
        <message>
            <source>In planning</source>
            <translation>Trong quy hoạch</translation>
        </message>
        <message>
            <source>Not in planning</source>
            <translation>Ngoài quy hoạch</translation>
        </message>
        <message>
            <source>Clear filters ({count})</source>
            <translation>Xoá lọc ({count})</translation>
        </message>
        <message>
            <source>Export list to Excel</source>
            <translation>Xuất danh sách ra Excel</translation>
        </message>
        <message>
            <source>cadre-list.xlsx</source>
            <translation>danh-sach-can-bo.xlsx</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>Đang xuất Excel…</translation>
        </message>
        <message>
            <source>Exported {count} people to {file}</source>
            <translation>Đã xuất {count} người ra {file}</translation>
        </message>
        <message>
            <source>Loading the code lists…</source>
            <translation>Đang tải danh mục…</translation>
        </message>
        <message>
            <source>Move to trash</source>
            <translation>Xoá vào thùng rác</translation>
        </message>
        <message>
            <source>Move {count} records to the trash?
{names}

They can be restored from the trash.</source>
            <translation>Chuyển {count} hồ sơ vào thùng rác?
{names}

Có thể khôi phục lại từ thùng rác.</translation>
        </message>
        <message>
            <source>Could not open the log folder: {folder}</source>
            <translation>Không mở được thư mục nhật ký: {folder}</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Đang tìm…</translation>
        </message>
        <message>
            <source>Found {count} people</source>
            <translation>Tìm thấy {count} người</translation>
        </message>
        <message>
            <source>Total: {count} cadres</source>
            <translation>Tổng số: {count} cán bộ</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Print…</source>
            <translation>In…</translation>
        </message>
        <message>
            <source>Save as a file…</source>
            <translation>Lưu thành tệp…</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Phóng to</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Thu nhỏ</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Vừa chiều ngang</translation>
        </message>
        <message>
            <source>{count} pages</source>
            <translation>{count} trang</translation>
        </message>
        <message>
            <source>Save the PDF file</source>
            <translation>Lưu tệp PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Tệp PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Không lưu được</translation>
        </message>
        <message>
            <source>Could not write the file {path}:
{error}</source>
            <translation>Không ghi được tệp {path}:
{error}</translation>
        </message>
        <message>
            <source>Print the document</source>
            <translation>In tài liệu</translation>
        </message>
        <message>
            <source>Not printed</source>
            <translation>Không in được</translation>
        </message>
        <message>
            <source>The printer is not ready.</source>
            <translation>Máy in không sẵn sàng.</translation>
        </message>
    </context>
    <context>
        <name>Pending</name>
        <message>
            <source>&lt;p&gt;This screen is not in the current version yet.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Màn hình này chưa có trong phiên bản hiện tại.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>PlanningDialogs</name>
        <message>
            <source>A term such as 2026-2031 (5 years)</source>
            <translation>Nhiệm kỳ dạng 2026-2031 (5 năm)</translation>
        </message>
        <message>
            <source>Add to planning</source>
            <translation>Đưa vào quy hoạch</translation>
        </message>
        <message>
            <source>— none —</source>
            <translation>— không ghi —</translation>
        </message>
        <message>
            <source>e.g. Resolution No. 215-NQ/HU of 10/03/2025</source>
            <translation>ví dụ Nghị quyết số 215-NQ/HU ngày 10/03/2025</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Nhiệm kỳ</translation>
        </message>
        <message>
            <source>Planned for title</source>
            <translation>Quy hoạch chức danh</translation>
        </message>
        <message>
            <source>Unit of the title</source>
            <translation>Đơn vị có chức danh</translation>
        </message>
        <message>
            <source>Approving document</source>
            <translation>Văn bản phê duyệt</translation>
        </message>
        <message>
            <source>Date approved</source>
            <translation>Ngày phê duyệt</translation>
        </message>
        <message>
            <source>Choose the person (type a name to search).</source>
            <translation>Chọn người (gõ tên để tìm).</translation>
        </message>
        <message>
            <source>Choose the title planned for.</source>
            <translation>Chọn chức danh quy hoạch.</translation>
        </message>
        <message>
            <source>Enter the date of approval.</source>
            <translation>Nhập ngày phê duyệt.</translation>
        </message>
        <message>
            <source>Remove from planning</source>
            <translation>Đưa ra khỏi quy hoạch</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; – planned for {title}, term {term} (since {date}, {reference})</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; – quy hoạch {title}, nhiệm kỳ {term} (từ {date}, {reference})</translation>
        </message>
        <message>
            <source>number and code of the document removing the person</source>
            <translation>số, ký hiệu văn bản đưa ra khỏi quy hoạch</translation>
        </message>
        <message>
            <source>e.g. over 1/2 low-confidence ballots; disciplined; tasks not completed…</source>
            <translation>ví dụ: trên 1/2 phiếu tín nhiệm thấp; bị kỷ luật; không hoàn thành nhiệm vụ…</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Văn bản</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Enter the date.</source>
            <translation>Nhập ngày.</translation>
        </message>
    </context>
    <context>
        <name>PlanningPanel</name>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Current position</source>
            <translation>Chức vụ hiện tại</translation>
        </message>
        <message>
            <source>Planned for</source>
            <translation>Quy hoạch chức danh</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Nhiệm kỳ</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Đưa vào</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Đưa ra</translation>
        </message>
        <message>
            <source>Warnings from the appointment conditions</source>
            <translation>Cảnh báo theo điều kiện bổ nhiệm</translation>
        </message>
        <message>
            <source>all</source>
            <translation>tất cả</translation>
        </message>
        <message>
            <source>all titles</source>
            <translation>tất cả chức danh</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <source>Include people removed</source>
            <translation>Cả người đã đưa ra</translation>
        </message>
        <message>
            <source>Show list</source>
            <translation>Xem danh sách</translation>
        </message>
        <message>
            <source>Warnings as of</source>
            <translation>Cảnh báo tính đến ngày</translation>
        </message>
        <message>
            <source>Add to planning…</source>
            <translation>Đưa vào quy hoạch…</translation>
        </message>
        <message>
            <source>Remove from planning…</source>
            <translation>Đưa ra khỏi quy hoạch…</translation>
        </message>
        <message>
            <source>Only a clerk, the head of the office or an administrator may update the planning lists.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được cập nhật quy hoạch.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Đang tải…</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Không có</translation>
        </message>
        <message>
            <source>{active} people in planning; {warned} people with a condition not met or unclear.</source>
            <translation>{active} người đang trong quy hoạch; {warned} người có điều kiện chưa đạt hoặc chưa rõ.</translation>
        </message>
        <message>
            <source>Nobody is in this list.</source>
            <translation>Không có ai trong danh sách này.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>ProcedureDialogs</name>
        <message>
            <source>Find a person: name (with or without accents), ID number…</source>
            <translation>Tìm người: tên (có dấu hoặc không), CCCD…</translation>
        </message>
        <message>
            <source>Find a person</source>
            <translation>Tìm người</translation>
        </message>
        <message>
            <source>Start an appointment procedure</source>
            <translation>Bắt đầu quy trình bổ nhiệm</translation>
        </message>
        <message>
            <source>— the appointee's unit —</source>
            <translation>— đơn vị của người được bổ nhiệm —</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <source>Procedure type</source>
            <translation>Loại quy trình</translation>
        </message>
        <message>
            <source>Candidate source</source>
            <translation>Nguồn nhân sự</translation>
        </message>
        <message>
            <source>Unit of the post</source>
            <translation>Đơn vị có chức danh</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Appointment of a candidate from the unit: 5 steps; from elsewhere: 3 steps; reappointment and dismissal follow their own rules. The steps, shares and documents come from the rule «appointment_procedure».</source>
            <translation>Bổ nhiệm nguồn tại chỗ: 5 bước; nguồn từ nơi khác: 3 bước; bổ nhiệm lại, miễn nhiệm theo quy định tương ứng. Các bước, tỷ lệ và hồ sơ lấy từ quy định «appointment_procedure».</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>Choose the person (type a name to find them).</source>
            <translation>Chọn người (gõ tên để tìm).</translation>
        </message>
        <message>
            <source>Choose the title.</source>
            <translation>Chọn chức danh.</translation>
        </message>
        <message>
            <source>Convened</source>
            <translation>Số được triệu tập</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>Số có mặt</translation>
        </message>
        <message>
            <source>Ballots issued</source>
            <translation>Phiếu phát ra</translation>
        </message>
        <message>
            <source>Ballots returned</source>
            <translation>Phiếu thu vào</translation>
        </message>
        <message>
            <source>Valid ballots</source>
            <translation>Phiếu hợp lệ</translation>
        </message>
        <message>
            <source>Agree</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Disagree</source>
            <translation>Không đồng ý</translation>
        </message>
        <message>
            <source>Record the result of step {no}</source>
            <translation>Ghi kết quả bước {no}</translation>
        </message>
        <message>
            <source>Meeting date</source>
            <translation>Ngày họp</translation>
        </message>
        <message>
            <source>Minutes: number, main points…</source>
            <translation>Biên bản: số, nội dung chính…</translation>
        </message>
        <message>
            <source>Minutes, notes</source>
            <translation>Biên bản, ghi chú</translation>
        </message>
        <message>
            <source>This step has no vote: record the meeting date and the numbers convened and present.</source>
            <translation>Bước này không bỏ phiếu: ghi ngày họp, số người được triệu tập và có mặt.</translation>
        </message>
        <message>
            <source>Record result</source>
            <translation>Ghi kết quả</translation>
        </message>
        <message>
            <source>Complete the procedure, record the decision</source>
            <translation>Kết thúc quy trình, ghi quyết định</translation>
        </message>
        <message>
            <source>e.g. 25/QĐ-UBND</source>
            <translation>ví dụ 25/QĐ-UBND</translation>
        </message>
        <message>
            <source>e.g. UBND huyện Vĩnh Tường</source>
            <translation>ví dụ UBND huyện Vĩnh Tường</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>Ngày ký</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>Cơ quan ban hành</translation>
        </message>
        <message>
            <source>Effective date</source>
            <translation>Ngày có hiệu lực</translation>
        </message>
        <message>
            <source>Position after the decision</source>
            <translation>Chức vụ sau quyết định</translation>
        </message>
        <message>
            <source>Position written in the decision</source>
            <translation>Chức vụ ghi trong quyết định</translation>
        </message>
        <message>
            <source>The decision is written into the record (position, work history) and the term in the post follows the rule «appointment_term» (5 years, or until retirement if earlier).</source>
            <translation>Quyết định được ghi vào hồ sơ (chức vụ, quá trình công tác) và thời hạn giữ chức vụ tính theo quy định «appointment_term» (5 năm, hoặc đến ngày nghỉ hưu nếu sớm hơn).</translation>
        </message>
        <message>
            <source>Record decision</source>
            <translation>Ghi quyết định</translation>
        </message>
        <message>
            <source>Enter the decision number.</source>
            <translation>Nhập số quyết định.</translation>
        </message>
        <message>
            <source>Enter the issuing body.</source>
            <translation>Nhập cơ quan ban hành.</translation>
        </message>
        <message>
            <source>Enter the effective date.</source>
            <translation>Nhập ngày có hiệu lực.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Write the reason.</source>
            <translation>Ghi lý do.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
    </context>
    <context>
        <name>ProcedureEligibility</name>
        <message>
            <source>Met</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>Không đạt</translation>
        </message>
        <message>
            <source>Not enough information</source>
            <translation>Chưa đủ thông tin</translation>
        </message>
        <message>
            <source>Special case</source>
            <translation>Trường hợp đặc biệt</translation>
        </message>
        <message>
            <source>first appointment</source>
            <translation>bổ nhiệm lần đầu</translation>
        </message>
        <message>
            <source>appointment to a higher post</source>
            <translation>bổ nhiệm chức vụ cao hơn</translation>
        </message>
        <message>
            <source>appointment to an equivalent post</source>
            <translation>bổ nhiệm chức vụ tương đương</translation>
        </message>
        <message>
            <source>appointment to a lower post</source>
            <translation>bổ nhiệm chức vụ thấp hơn</translation>
        </message>
        <message>
            <source>type of appointment not determined</source>
            <translation>chưa xác định được loại bổ nhiệm</translation>
        </message>
        <message>
            <source>ELIGIBLE</source>
            <translation>ĐỦ điều kiện</translation>
        </message>
        <message>
            <source>NOT YET ELIGIBLE</source>
            <translation>CHƯA ĐỦ điều kiện</translation>
        </message>
        <message>
            <source>not enough information to conclude</source>
            <translation>chưa đủ thông tin để kết luận</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>Điều kiện</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Căn cứ</translation>
        </message>
        <message>
            <source>&lt;b&gt;Conclusion: {overall}&lt;/b&gt; ({kind}, as of {date}). Not met: {failed}; unclear: {unknown}; special cases: {overridden}.</source>
            <translation>&lt;b&gt;Kết luận: {overall}&lt;/b&gt; ({kind}, tính đến ngày {date}). Không đạt: {failed}; chưa rõ: {unknown}; trường hợp đặc biệt: {overridden}.</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePanel</name>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Bước</translation>
        </message>
        <message>
            <source>Meeting
date</source>
            <translation>Ngày họp</translation>
        </message>
        <message>
            <source>Con-
vened</source>
            <translation>Triệu
tập</translation>
        </message>
        <message>
            <source>Pre-
sent</source>
            <translation>Có
mặt</translation>
        </message>
        <message>
            <source>Ballots
out/in/valid</source>
            <translation>Phiếu phát/
thu/hợp lệ</translation>
        </message>
        <message>
            <source>Agree</source>
            <translation>Đồng
ý</translation>
        </message>
        <message>
            <source>Dis-
agree</source>
            <translation>Không
đồng ý</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Has</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>Dossier document</source>
            <translation>Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Hiện</translation>
        </message>
        <message>
            <source>Procedures under way</source>
            <translation>Quy trình đang thực hiện</translation>
        </message>
        <message>
            <source>All procedures</source>
            <translation>Tất cả quy trình</translation>
        </message>
        <message>
            <source>Start procedure…</source>
            <translation>Bắt đầu quy trình…</translation>
        </message>
        <message>
            <source>Only a specialist, the head of office or an administrator can start an appointment procedure.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được lập quy trình bổ nhiệm.</translation>
        </message>
        <message>
            <source>Intended appointment date</source>
            <translation>Ngày dự kiến bổ nhiệm</translation>
        </message>
        <message>
            <source>Conditions and document validity are assessed on this date</source>
            <translation>Điều kiện, thời hạn giấy tờ tính đến ngày này</translation>
        </message>
        <message>
            <source>number and code of the policy approval</source>
            <translation>số, ký hiệu văn bản phê duyệt chủ trương</translation>
        </message>
        <message>
            <source>&lt;b&gt;Policy&lt;/b&gt;</source>
            <translation>&lt;b&gt;Chủ trương&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Save the policy</source>
            <translation>Lưu chủ trương</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Trình</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Phê duyệt</translation>
        </message>
        <message>
            <source>Record step result…</source>
            <translation>Ghi kết quả bước…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Appointment dossier&lt;/b&gt;</source>
            <translation>&lt;b&gt;Hồ sơ bổ nhiệm&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Policy, steps, dossier</source>
            <translation>Chủ trương, các bước, hồ sơ</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>Điều kiện bổ nhiệm</translation>
        </message>
        <message>
            <source>Complete, record decision…</source>
            <translation>Kết thúc, ghi quyết định…</translation>
        </message>
        <message>
            <source>Cancel procedure…</source>
            <translation>Huỷ quy trình…</translation>
        </message>
        <message>
            <source>Appointment dossier (PDF)…</source>
            <translation>Hồ sơ bổ nhiệm (PDF)…</translation>
        </message>
        <message>
            <source>Submission, résumé, 3-year evaluation, minutes of the steps, document list and draft decision (a preview, not yet numbered)</source>
            <translation>Tờ trình, sơ yếu lý lịch, đánh giá 3 năm, biên bản các bước, danh mục hồ sơ và dự thảo quyết định (bản xem trước, chưa lấy số)</translation>
        </message>
        <message>
            <source>Appointment dossier {name}.pdf</source>
            <translation>Hồ sơ bổ nhiệm {name}.pdf</translation>
        </message>
        <message>
            <source>No procedure yet: click «Start procedure…».</source>
            <translation>Chưa có quy trình nào: bấm «Bắt đầu quy trình…».</translation>
        </message>
        <message>
            <source>Choose a procedure in the list.</source>
            <translation>Chọn một quy trình trong danh sách.</translation>
        </message>
        <message>
            <source>no position recorded</source>
            <translation>chưa ghi chức vụ</translation>
        </message>
        <message>
            <source>Legal basis: {source}</source>
            <translation>Căn cứ: {source}</translation>
        </message>
        <message>
            <source>Decision no. {number} of {signed} by {issuer}, effective from {effective}, term until {end}.</source>
            <translation>Quyết định số {number} ngày {signed} của {issuer}, hiệu lực từ {effective}, thời hạn đến {end}.</translation>
        </message>
        <message>
            <source>Decision no. {number} of {signed} by {issuer}, effective from {effective}.</source>
            <translation>Quyết định số {number} ngày {signed} của {issuer}, hiệu lực từ {effective}.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator can record the decision that completes the procedure.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được ghi quyết định kết thúc quy trình.</translation>
        </message>
        <message>
            <source>Cannot be completed yet:</source>
            <translation>Chưa kết thúc được:</translation>
        </message>
        <message>
            <source>Record the appointment decision; the record and the term are updated</source>
            <translation>Ghi quyết định bổ nhiệm; hồ sơ và thời hạn được cập nhật</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator can cancel the procedure.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được huỷ quy trình.</translation>
        </message>
        <message>
            <source>This procedure needs no policy.</source>
            <translation>Quy trình này không cần chủ trương.</translation>
        </message>
        <message>
            <source>The policy is not submitted yet: record the submission date to follow the decision deadline (15 working days).</source>
            <translation>Chưa trình chủ trương: ghi ngày trình để theo dõi hạn quyết định (15 ngày làm việc).</translation>
        </message>
        <message>
            <source>No vote</source>
            <translation>Không bỏ phiếu</translation>
        </message>
        <message>
            <source>&lt;i&gt;Minutes: {minutes}&lt;/i&gt;</source>
            <translation>&lt;i&gt;Biên bản: {minutes}&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Record step {no} result…</source>
            <translation>Ghi kết quả bước {no}…</translation>
        </message>
        <message>
            <source>Tick when this document is in the appointment dossier</source>
            <translation>Đánh dấu khi đã có giấy tờ này trong hồ sơ bổ nhiệm</translation>
        </message>
        <message>
            <source>{name} (not required for this procedure)</source>
            <translation>{name} (không bắt buộc với quy trình này)</translation>
        </message>
        <message>
            <source>Date of the document (dd/mm/yyyy); a health certificate is valid for 6 months</source>
            <translation>Ngày của giấy tờ (dd/mm/yyyy); giấy khám sức khỏe có giá trị 6 tháng</translation>
        </message>
        <message>
            <source>not required</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <source>Valid until {date}</source>
            <translation>Còn giá trị đến {date}</translation>
        </message>
        <message>
            <source>Yes, no date recorded</source>
            <translation>Có, chưa ghi ngày</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>Expired: {reason}</source>
            <translation>Hết giá trị: {reason}</translation>
        </message>
        <message>
            <source>Missing (the record has a copy dated {date})</source>
            <translation>Thiếu (hồ sơ cán bộ có bản ngày {date})</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Thiếu</translation>
        </message>
        <message>
            <source>&lt;b&gt;Appointment dossier&lt;/b&gt;: {have}/{required} required documents – &lt;span style='color:{color}'&gt;{missing} missing&lt;/span&gt;</source>
            <translation>&lt;b&gt;Hồ sơ bổ nhiệm&lt;/b&gt;: có {have}/{required} thành phần bắt buộc – &lt;span style='color:{color}'&gt;còn thiếu {missing}&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Appointment dossier&lt;/b&gt;: {have}/{required} required documents</source>
            <translation>&lt;b&gt;Hồ sơ bổ nhiệm&lt;/b&gt;: có {have}/{required} thành phần bắt buộc</translation>
        </message>
        <message>
            <source>The procedure cannot be completed yet:</source>
            <translation>Chưa kết thúc được quy trình:</translation>
        </message>
        <message>
            <source>Ready to complete: record the appointment decision.</source>
            <translation>Đủ điều kiện kết thúc: ghi quyết định bổ nhiệm.</translation>
        </message>
        <message>
            <source>No eligibility check for this procedure.</source>
            <translation>Không kiểm tra điều kiện bổ nhiệm cho quy trình này.</translation>
        </message>
        <message>
            <source>The procedure has ended: the conditions are not checked again.</source>
            <translation>Quy trình đã kết thúc: không kiểm tra lại điều kiện.</translation>
        </message>
        <message>
            <source>Eligibility ({failed} not met)</source>
            <translation>Điều kiện bổ nhiệm ({failed} không đạt)</translation>
        </message>
        <message>
            <source>Procedure started: record the policy, then the result of each step.</source>
            <translation>Đã bắt đầu quy trình: ghi chủ trương, rồi kết quả từng bước.</translation>
        </message>
        <message>
            <source>Policy saved.</source>
            <translation>Đã lưu chủ trương.</translation>
        </message>
        <message>
            <source>Step {no}: {status}. {reason}</source>
            <translation>Bước {no}: {status}. {reason}</translation>
        </message>
        <message>
            <source>Dossier updated: {name}.</source>
            <translation>Đã cập nhật hồ sơ: {name}.</translation>
        </message>
        <message>
            <source>Unticked: {name}.</source>
            <translation>Đã bỏ đánh dấu: {name}.</translation>
        </message>
        <message>
            <source>Decision recorded: the record, the position and the term in the post are updated.</source>
            <translation>Đã ghi quyết định: hồ sơ, chức vụ và thời hạn giữ chức vụ đã được cập nhật.</translation>
        </message>
        <message>
            <source>Cancel procedure</source>
            <translation>Huỷ quy trình</translation>
        </message>
        <message>
            <source>Cancel the procedure ({kind} {title}) of {name}. Reason:</source>
            <translation>Huỷ quy trình {kind} {title} của {name}. Lý do:</translation>
        </message>
        <message>
            <source>Procedure cancelled.</source>
            <translation>Đã huỷ quy trình.</translation>
        </message>
    </context>
    <context>
        <name>RemindersPage</name>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Reminders&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Nhắc việc&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>Tính đến ngày</translation>
        </message>
        <message>
            <source>Recalculate</source>
            <translation>Tính lại</translation>
        </message>
        <message>
            <source>Kinds of work to do</source>
            <translation>Loại việc cần làm</translation>
        </message>
        <message>
            <source>Double-click a row (or press Enter) to open the record.</source>
            <translation>Nhấp đúp (hoặc Enter) vào một dòng để mở hồ sơ.</translation>
        </message>
        <message>
            <source>Calculating…</source>
            <translation>Đang tính…</translation>
        </message>
        <message>
            <source>{kind} ({count})</source>
            <translation>{kind} ({count})</translation>
        </message>
        <message>
            <source>Items to follow up: {count}, as of {date}.</source>
            <translation>{count} việc cần theo dõi, tính đến ngày {date}.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>No permission to view this list (sensitive data: ethnic group, religion).</source>
            <translation>Không có quyền xem danh sách này (dữ liệu nhạy cảm: dân tộc, tôn giáo).</translation>
        </message>
        <message>
            <source>People meeting the criterion (numerator)</source>
            <translation>Những người đạt tiêu chí (tử số)</translation>
        </message>
        <message>
            <source>People in the denominator</source>
            <translation>Những người thuộc mẫu số</translation>
        </message>
        <message>
            <source>People not meeting the criterion</source>
            <translation>Những người chưa đạt tiêu chí</translation>
        </message>
        <message>
            <source>People lacking the data to decide the numerator</source>
            <translation>Những người thiếu dữ liệu để xác định tử số</translation>
        </message>
        <message>
            <source>People lacking the data to decide the denominator</source>
            <translation>Những người thiếu dữ liệu để xác định mẫu số</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>People counted</source>
            <translation>Danh sách người được tính</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Xem</translation>
        </message>
        <message>
            <source>Part of the number</source>
            <translation>Phần của con số</translation>
        </message>
        <message>
            <source>Open record</source>
            <translation>Mở hồ sơ</translation>
        </message>
        <message>
            <source>Export Excel…</source>
            <translation>Xuất Excel…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>&lt;b&gt;{indicator}&lt;/b&gt; — {unit} ({code}), on {date}&lt;br&gt;{message}</source>
            <translation>&lt;b&gt;{indicator}&lt;/b&gt; — {unit} ({code}), tại ngày {date}&lt;br&gt;{message}</translation>
        </message>
        <message>
            <source>Loading the list…</source>
            <translation>Đang tải danh sách…</translation>
        </message>
        <message>
            <source>{count} people</source>
            <translation>{count} người</translation>
        </message>
        <message>
            <source>Double-click (or Enter) to open the record.</source>
            <translation>Nhấp đúp (hoặc Enter) để mở hồ sơ.</translation>
        </message>
        <message>
            <source>Nobody.</source>
            <translation>Không có ai.</translation>
        </message>
        <message>
            <source>Export the list to Excel</source>
            <translation>Xuất danh sách ra Excel</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>Đang xuất Excel…</translation>
        </message>
        <message>
            <source>Exported {count} people to {path}</source>
            <translation>Đã xuất {count} người ra {path}</translation>
        </message>
        <message>
            <source>&lt;b style='font-size: 13pt'&gt;Reports and targets&lt;/b&gt;</source>
            <translation>&lt;b style='font-size: 13pt'&gt;Báo cáo, chỉ tiêu&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Reporting unit</source>
            <translation>Đơn vị báo cáo</translation>
        </message>
        <message>
            <source>Reporting unit (the figures include the units below it)</source>
            <translation>Đơn vị báo cáo (số liệu gồm cả các đơn vị trực thuộc)</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>Tại ngày</translation>
        </message>
        <message>
            <source>The report's date; a past date is rebuilt from the history of decisions and training</source>
            <translation>Ngày báo cáo; một ngày đã qua được dựng lại từ lịch sử quyết định, đào tạo</translation>
        </message>
        <message>
            <source>Compute the report again for the chosen unit and date</source>
            <translation>Tính lại báo cáo cho đơn vị và ngày đã chọn</translation>
        </message>
        <message>
            <source>Computing</source>
            <translation>Đang tính</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Xuất PDF…</translation>
        </message>
        <message>
            <source>Loading the units…</source>
            <translation>Đang tải danh sách đơn vị…</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Thống kê</translation>
        </message>
        <message>
            <source>Targets by unit</source>
            <translation>Bảng chỉ tiêu theo đơn vị</translation>
        </message>
        <message>
            <source>&lt;span style='background:#dcefdc;color:#1b5e20'&gt;&amp;nbsp;Met&amp;nbsp;&lt;/span&gt; &lt;span style='background:#f9dede;color:#b71c1c'&gt;&amp;nbsp;Not met&amp;nbsp;&lt;/span&gt; &lt;span style='background:#ececec;color:#707070'&gt;&amp;nbsp;No data&amp;nbsp;&lt;/span&gt; &amp;nbsp;A unit's rate counts the units below it too (their numerators and denominators are added). Click a cell to list the people counted.</source>
            <translation>&lt;span style='background:#dcefdc;color:#1b5e20'&gt;&amp;nbsp;Đạt&amp;nbsp;&lt;/span&gt; &lt;span style='background:#f9dede;color:#b71c1c'&gt;&amp;nbsp;Chưa đạt&amp;nbsp;&lt;/span&gt; &lt;span style='background:#ececec;color:#707070'&gt;&amp;nbsp;Không có số liệu&amp;nbsp;&lt;/span&gt; &amp;nbsp;Tỷ lệ của một đơn vị tính trên cả các đơn vị trực thuộc (cộng tử số, mẫu số). Bấm vào một ô để xem danh sách người được tính.</translation>
        </message>
        <message>
            <source>Break down by unit to</source>
            <translation>Chia theo đơn vị đến</translation>
        </message>
        <message>
            <source> levels</source>
            <translation> cấp</translation>
        </message>
        <message>
            <source>Unit levels</source>
            <translation>Số cấp đơn vị</translation>
        </message>
        <message>
            <source>Statistics tables</source>
            <translation>Các biểu thống kê</translation>
        </message>
        <message>
            <source>Statistics table</source>
            <translation>Bảng thống kê</translation>
        </message>
        <message>
            <source>&lt;b&gt;No permission to view.&lt;/b&gt;&lt;br&gt;This table counts sensitive data (ethnic group, religion); your account has not been given the right to see it. Please ask the administrator.</source>
            <translation>&lt;b&gt;Không có quyền xem.&lt;/b&gt;&lt;br&gt;Biểu này thống kê dữ liệu nhạy cảm (dân tộc, tôn giáo); tài khoản của bạn chưa được cấp quyền xem. Hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>There are no units in the database yet.</source>
            <translation>Chưa có đơn vị nào trong cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>Computing the report…</source>
            <translation>Đang tính báo cáo…</translation>
        </message>
        <message>
            <source>{what}: {unit}, on {date} — figures rebuilt from the history (hover to see the scope)</source>
            <translation>{what}: {unit}, tại ngày {date} — số liệu dựng lại từ lịch sử (di chuột để xem phạm vi)</translation>
        </message>
        <message>
            <source>{what}: {unit}, on {date}</source>
            <translation>{what}: {unit}, tại ngày {date}</translation>
        </message>
        <message>
            <source>Chart by unit</source>
            <translation>Biểu đồ theo đơn vị</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Xu hướng</translation>
        </message>
        <message>
            <source>{indicator} ({target}) — the units under {unit}</source>
            <translation>{indicator} ({target}) — các đơn vị thuộc {unit}</translation>
        </message>
        <message>
            <source>{indicator} — {unit} over the years</source>
            <translation>{indicator} — {unit} qua các năm</translation>
        </message>
        <message>
            <source>Could not compute the trend: {error}</source>
            <translation>Không tính được xu hướng: {error}</translation>
        </message>
        <message>
            <source>Quantity and quality</source>
            <translation>Số lượng, chất lượng</translation>
        </message>
        <message>
            <source>{table} (no permission to view)</source>
            <translation>{table} (không có quyền xem)</translation>
        </message>
        <message>
            <source>No permission to view</source>
            <translation>Không có quyền xem</translation>
        </message>
        <message>
            <source>Quantity by unit ({total} in all)</source>
            <translation>Số lượng theo đơn vị (tổng số {total})</translation>
        </message>
        <message>
            <source>{table} ({total} in all)</source>
            <translation>{table} (tổng số {total})</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>STT</translation>
        </message>
        <message>
            <source>Row number</source>
            <translation>Số thứ tự</translation>
        </message>
        <message>
            <source>Unit (including the units below it)</source>
            <translation>Đơn vị (gồm cả các đơn vị trực thuộc)</translation>
        </message>
        <message>
            <source>Export the targets table to an Excel file</source>
            <translation>Xuất bảng chỉ tiêu ra tệp Excel</translation>
        </message>
        <message>
            <source>Export the targets table to a PDF file (Decree 30/2020 format)</source>
            <translation>Xuất bảng chỉ tiêu ra tệp PDF (thể thức NĐ 30/2020)</translation>
        </message>
        <message>
            <source>Export the statistics tables to an Excel file</source>
            <translation>Xuất các biểu thống kê ra tệp Excel</translation>
        </message>
        <message>
            <source>Export the statistics tables to a PDF file (Decree 30/2020 format)</source>
            <translation>Xuất các biểu thống kê ra tệp PDF (thể thức NĐ 30/2020)</translation>
        </message>
        <message>
            <source>Export the report to Excel</source>
            <translation>Xuất báo cáo ra Excel</translation>
        </message>
        <message>
            <source>Export the report to PDF</source>
            <translation>Xuất báo cáo ra PDF</translation>
        </message>
        <message>
            <source>Exporting to PDF…</source>
            <translation>Đang xuất PDF…</translation>
        </message>
        <message>
            <source>Exported the report to {path}</source>
            <translation>Đã xuất báo cáo ra {path}</translation>
        </message>
    </context>
    <context>
        <name>RowsTable</name>
        <message>
            <source>“{text}” is not a whole number.</source>
            <translation>“{text}” không phải là số nguyên.</translation>
        </message>
        <message>
            <source>“{text}” is not a number (for example 2,34).</source>
            <translation>“{text}” không phải là số (ví dụ 2,34).</translation>
        </message>
    </context>
    <context>
        <name>RuleLabels</name>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Policy</source>
            <translation>Chủ trương</translation>
        </message>
        <message>
            <source>Deadline to decide on the policy (working days)</source>
            <translation>Hạn quyết định chủ trương (ngày làm việc)</translation>
        </message>
        <message>
            <source>Deadline to finish the procedure after the policy (working days)</source>
            <translation>Hạn hoàn thành quy trình sau chủ trương (ngày làm việc)</translation>
        </message>
        <message>
            <source>Procedures</source>
            <translation>Các quy trình</translation>
        </message>
        <message>
            <source>Appointment – candidate from the unit</source>
            <translation>Bổ nhiệm – nguồn tại chỗ</translation>
        </message>
        <message>
            <source>Appointment – candidate from elsewhere</source>
            <translation>Bổ nhiệm – nguồn từ nơi khác</translation>
        </message>
        <message>
            <source>Reappointment</source>
            <translation>Bổ nhiệm lại</translation>
        </message>
        <message>
            <source>Dismissal</source>
            <translation>Miễn nhiệm</translation>
        </message>
        <message>
            <source>Decision type</source>
            <translation>Loại quyết định</translation>
        </message>
        <message>
            <source>Policy required</source>
            <translation>Cần chủ trương</translation>
        </message>
        <message>
            <source>Conditions to meet at completion (* = all)</source>
            <translation>Điều kiện phải đạt khi kết thúc (* = tất cả)</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Các bước</translation>
        </message>
        <message>
            <source>Secret ballot</source>
            <translation>Bỏ phiếu kín</translation>
        </message>
        <message>
            <source>2/3 must be present</source>
            <translation>Cần 2/3 có mặt</translation>
        </message>
        <message>
            <source>Announce the result</source>
            <translation>Công bố kết quả</translation>
        </message>
        <message>
            <source>Approval share counted on</source>
            <translation>Tỷ lệ đồng ý tính trên</translation>
        </message>
        <message>
            <source>Roadmap start year</source>
            <translation>Năm bắt đầu lộ trình</translation>
        </message>
        <message>
            <source>Age in the first year (months)</source>
            <translation>Tuổi năm đầu (tháng)</translation>
        </message>
        <message>
            <source>Increase per year (months)</source>
            <translation>Tăng mỗi năm (tháng)</translation>
        </message>
        <message>
            <source>Maximum age (months)</source>
            <translation>Tuổi tối đa (tháng)</translation>
        </message>
        <message>
            <source>Term of each appointment (months)</source>
            <translation>Thời hạn mỗi lần bổ nhiệm (tháng)</translation>
        </message>
        <message>
            <source>Reappointment notice ahead (working days)</source>
            <translation>Thông báo bổ nhiệm lại trước (ngày làm việc)</translation>
        </message>
        <message>
            <source>Retirement notice ahead (months)</source>
            <translation>Thông báo nghỉ hưu trước (tháng)</translation>
        </message>
        <message>
            <source>Retirement decision ahead (months)</source>
            <translation>Ra quyết định nghỉ hưu trước (tháng)</translation>
        </message>
        <message>
            <source>Weekly days off (0 = Monday … 6 = Sunday)</source>
            <translation>Ngày nghỉ hằng tuần (0 = thứ Hai … 6 = Chủ nhật)</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>Ngày nghỉ lễ, tết</translation>
        </message>
        <message>
            <source>Make-up working days</source>
            <translation>Ngày làm bù</translation>
        </message>
        <message>
            <source>Holiday names</source>
            <translation>Tên ngày nghỉ</translation>
        </message>
        <message>
            <source>Grades</source>
            <translation>Ngạch</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Step interval (months)</source>
            <translation>Hạn nâng bậc (tháng)</translation>
        </message>
        <message>
            <source>Step coefficients</source>
            <translation>Hệ số các bậc</translation>
        </message>
        <message>
            <source>Step delay after a discipline (months)</source>
            <translation>Kéo dài hạn nâng bậc khi bị kỷ luật (tháng)</translation>
        </message>
        <message>
            <source>Discipline names</source>
            <translation>Tên hình thức kỷ luật</translation>
        </message>
        <message>
            <source>Delay per year not completed (months)</source>
            <translation>Kéo dài mỗi năm không hoàn thành (tháng)</translation>
        </message>
        <message>
            <source>Levels counted as not completed</source>
            <translation>Mức bị coi là không hoàn thành</translation>
        </message>
        <message>
            <source>Beyond-scale seniority allowance</source>
            <translation>Phụ cấp thâm niên vượt khung</translation>
        </message>
        <message>
            <source>First rate (%)</source>
            <translation>Mức đầu (%)</translation>
        </message>
        <message>
            <source>Increment (%)</source>
            <translation>Tăng thêm (%)</translation>
        </message>
        <message>
            <source>Every (months)</source>
            <translation>Sau mỗi (tháng)</translation>
        </message>
        <message>
            <source>Early step raise</source>
            <translation>Nâng bậc trước thời hạn</translation>
        </message>
        <message>
            <source>At most early by (months)</source>
            <translation>Trước tối đa (tháng)</translation>
        </message>
        <message>
            <source>Counted up to (month-day)</source>
            <translation>Tính đến ngày (tháng-ngày)</translation>
        </message>
        <message>
            <source>Maximum share (%)</source>
            <translation>Tỷ lệ tối đa (%)</translation>
        </message>
        <message>
            <source>Not twice in a row</source>
            <translation>Không hai lần liền</translation>
        </message>
        <message>
            <source>Base salary</source>
            <translation>Lương cơ sở</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>Amount (VND)</source>
            <translation>Mức (đồng)</translation>
        </message>
        <message>
            <source>Regime</source>
            <translation>Chế độ</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>Các mức</translation>
        </message>
        <message>
            <source>Level names</source>
            <translation>Tên mức</translation>
        </message>
        <message>
            <source>Level names by group</source>
            <translation>Tên mức theo đối tượng</translation>
        </message>
        <message>
            <source>Level when not rated</source>
            <translation>Mức khi không xếp loại</translation>
        </message>
        <message>
            <source>Not-completed level</source>
            <translation>Mức không hoàn thành</translation>
        </message>
        <message>
            <source>Discipline in the year</source>
            <translation>Kỷ luật trong năm</translation>
        </message>
        <message>
            <source>Forms</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>Diễn giải</translation>
        </message>
        <message>
            <source>Exclusion conditions</source>
            <translation>Điều kiện loại trừ</translation>
        </message>
        <message>
            <source>Leaders only</source>
            <translation>Chỉ với lãnh đạo</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Căn cứ</translation>
        </message>
        <message>
            <source>Minimum months worked in the year</source>
            <translation>Công tác tối thiểu trong năm (tháng)</translation>
        </message>
        <message>
            <source>Except maternity leave</source>
            <translation>Trừ nghỉ thai sản</translation>
        </message>
        <message>
            <source>Cap on long absence</source>
            <translation>Giới hạn khi nghỉ dài</translation>
        </message>
        <message>
            <source>From (months)</source>
            <translation>Từ (tháng)</translation>
        </message>
        <message>
            <source>Below (months)</source>
            <translation>Đến dưới (tháng)</translation>
        </message>
        <message>
            <source>Highest level</source>
            <translation>Mức cao nhất</translation>
        </message>
        <message>
            <source>Excellent quota</source>
            <translation>Tỷ lệ xuất sắc</translation>
        </message>
        <message>
            <source>Maximum (% of well completed)</source>
            <translation>Tối đa (% số hoàn thành tốt)</translation>
        </message>
        <message>
            <source>Outstanding unit: maximum (%)</source>
            <translation>Đơn vị xuất sắc: tối đa (%)</translation>
        </message>
        <message>
            <source>Maximum general criteria score</source>
            <translation>Điểm tiêu chí chung tối đa</translation>
        </message>
        <message>
            <source>Maximum task result score</source>
            <translation>Điểm kết quả nhiệm vụ tối đa</translation>
        </message>
        <message>
            <source>Decimal places</source>
            <translation>Số chữ số thập phân</translation>
        </message>
        <message>
            <source>Score bands / thresholds</source>
            <translation>Khoảng điểm / ngưỡng</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Mức</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <source>Lower bound included</source>
            <translation>Tính cả mức dưới</translation>
        </message>
        <message>
            <source>Upper bound included</source>
            <translation>Tính cả mức trên</translation>
        </message>
        <message>
            <source>Task scoring</source>
            <translation>Chấm điểm nhiệm vụ</translation>
        </message>
        <message>
            <source>Deduction per major error (%)</source>
            <translation>Trừ mỗi lỗi lớn (%)</translation>
        </message>
        <message>
            <source>Deduction per delay (%)</source>
            <translation>Trừ mỗi lần chậm (%)</translation>
        </message>
        <message>
            <source>Calculation basis</source>
            <translation>Cơ sở tính</translation>
        </message>
        <message>
            <source>Minimum attendance share</source>
            <translation>Tỷ lệ có mặt tối thiểu</translation>
        </message>
        <message>
            <source>Low-vote share counted on</source>
            <translation>Tỷ lệ phiếu thấp tính trên</translation>
        </message>
        <message>
            <source>No vote for those appointed in the year</source>
            <translation>Không lấy phiếu người mới bổ nhiệm trong năm</translation>
        </message>
        <message>
            <source>No vote for those notified of retirement</source>
            <translation>Không lấy phiếu người đã có thông báo nghỉ hưu</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Remove from planning for a higher post</source>
            <translation>Đưa khỏi quy hoạch chức vụ cao hơn</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Bình thường</translation>
        </message>
        <message>
            <source>Minimum time in the post (months)</source>
            <translation>Thời gian giữ chức vụ tối thiểu (tháng)</translation>
        </message>
        <message>
            <source>Age for a full term (months)</source>
            <translation>Đủ tuổi công tác một nhiệm kỳ (tháng)</translation>
        </message>
        <message>
            <source>Evaluation years considered</source>
            <translation>Số năm đánh giá xét</translation>
        </message>
        <message>
            <source>Minimum evaluation level</source>
            <translation>Mức đánh giá tối thiểu</translation>
        </message>
        <message>
            <source>Levels not counted</source>
            <translation>Mức không tính</translation>
        </message>
        <message>
            <source>No appointment after a discipline (months)</source>
            <translation>Thời hạn không bổ nhiệm sau kỷ luật (tháng)</translation>
        </message>
        <message>
            <source>Disciplines barring appointment</source>
            <translation>Kỷ luật không được bổ nhiệm</translation>
        </message>
        <message>
            <source>Standards</source>
            <translation>Tiêu chuẩn</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Giấy tờ</translation>
        </message>
        <message>
            <source>Document type</source>
            <translation>Loại giấy tờ</translation>
        </message>
        <message>
            <source>Field in the record</source>
            <translation>Trường trong hồ sơ</translation>
        </message>
        <message>
            <source>Valid for (months)</source>
            <translation>Còn giá trị (tháng)</translation>
        </message>
        <message>
            <source>Applies to</source>
            <translation>Áp dụng cho</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Numerator</source>
            <translation>Tử số</translation>
        </message>
        <message>
            <source>Denominator</source>
            <translation>Mẫu số</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Ngưỡng</translation>
        </message>
        <message>
            <source>Share (%)</source>
            <translation>Tỷ lệ (%)</translation>
        </message>
        <message>
            <source>Comparison</source>
            <translation>So sánh</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <source>equals</source>
            <translation>bằng</translation>
        </message>
        <message>
            <source>in</source>
            <translation>thuộc</translation>
        </message>
        <message>
            <source>not in</source>
            <translation>không thuộc</translation>
        </message>
        <message>
            <source>from level</source>
            <translation>từ mức</translation>
        </message>
        <message>
            <source>age under</source>
            <translation>tuổi dưới</translation>
        </message>
        <message>
            <source>per setting</source>
            <translation>theo thiết lập</translation>
        </message>
        <message>
            <source>default</source>
            <translation>mặc định</translation>
        </message>
        <message>
            <source>all conditions</source>
            <translation>tất cả các điều kiện</translation>
        </message>
        <message>
            <source>is a leader</source>
            <translation>là lãnh đạo</translation>
        </message>
        <message>
            <source>is a key leader</source>
            <translation>là lãnh đạo chủ chốt</translation>
        </message>
        <message>
            <source>not a local person</source>
            <translation>không phải người địa phương</translation>
        </message>
        <message>
            <source>trained</source>
            <translation>đã bồi dưỡng</translation>
        </message>
        <message>
            <source>within (months)</source>
            <translation>trong (tháng)</translation>
        </message>
        <message>
            <source>Ranking list</source>
            <translation>Danh mục xếp hạng</translation>
        </message>
        <message>
            <source>Title key</source>
            <translation>Khóa chức danh</translation>
        </message>
    </context>
    <context>
        <name>SubmitDialog</name>
        <message>
            <source>Cancel</source>
            <translation>Huỷ bỏ</translation>
        </message>
    </context>
    <context>
        <name>SyncImportWizard</name>
        <message>
            <source>The package is valid: preview the changes in the next step.</source>
            <translation>Gói hợp lệ: xem trước các thay đổi ở bước sau.</translation>
        </message>
        <message>
            <source>The package was applied.</source>
            <translation>Đã áp dụng gói.</translation>
        </message>
        <message>
            <source>This package was imported before: nothing changed.</source>
            <translation>Gói này đã được nhập trước đây: không có gì thay đổi.</translation>
        </message>
        <message>
            <source>The package is held, not imported: an earlier package is missing.</source>
            <translation>Gói được tạm giữ, chưa nhập: còn thiếu gói trước nó.</translation>
        </message>
        <message>
            <source>The package was rejected: nothing changed in the database.</source>
            <translation>Gói bị từ chối: không có gì thay đổi trong cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>changes</source>
            <translation>phần thay đổi</translation>
        </message>
        <message>
            <source>all data</source>
            <translation>toàn bộ dữ liệu</translation>
        </message>
        <message>
            <source>acknowledgement of receipt</source>
            <translation>xác nhận đã nhận</translation>
        </message>
        <message>
            <source>code lists, rules</source>
            <translation>danh mục, quy định</translation>
        </message>
        <message>
            <source>keys package</source>
            <translation>gói khoá</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Mới</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <source>Merged (soft)</source>
            <translation>Gộp (mềm)</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Same ID number</source>
            <translation>Trùng CCCD</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Từ chối</translation>
        </message>
        <message>
            <source>&lt;b&gt;{new}&lt;/b&gt; new · &lt;b&gt;{changed}&lt;/b&gt; changed · &lt;b&gt;{deleted}&lt;/b&gt; deleted · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b style='color:{red}'&gt;{rejected}&lt;/b&gt; rejected</source>
            <translation>&lt;b&gt;{new}&lt;/b&gt; mới · &lt;b&gt;{changed}&lt;/b&gt; thay đổi · &lt;b&gt;{deleted}&lt;/b&gt; xoá · &lt;b&gt;{unchanged}&lt;/b&gt; không đổi · &lt;b style='color:{red}'&gt;{rejected}&lt;/b&gt; bị từ chối</translation>
        </message>
        <message>
            <source>Receive a sync package from USB</source>
            <translation>Nhận gói đồng bộ từ USB</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp &gt;</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Step 1. Choose the package on the USB drive</source>
            <translation>Bước 1. Chọn gói trên USB</translation>
        </message>
        <message>
            <source>The .cbpkg file written by a child unit (or by the parent, for acknowledgements and code lists). The package is decrypted on this computer's disk; nothing is written to the USB drive but the acknowledgement.</source>
            <translation>Tệp .cbpkg do đơn vị cấp dưới (hoặc cấp trên, với gói xác nhận và danh mục) ghi ra. Gói được giải mã vào ổ đĩa của máy này, không ghi gì lên USB trừ gói xác nhận.</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Chọn tệp…</translation>
        </message>
        <message>
            <source>Package file</source>
            <translation>Tệp gói</translation>
        </message>
        <message>
            <source>our unit's key passphrase</source>
            <translation>cụm mật khẩu khoá của đơn vị mình</translation>
        </message>
        <message>
            <source>Key passphrase</source>
            <translation>Cụm mật khẩu khoá</translation>
        </message>
        <message>
            <source>Choose a sync package</source>
            <translation>Chọn gói đồng bộ</translation>
        </message>
        <message>
            <source>Sync packages (*.cbpkg);;All files (*)</source>
            <translation>Gói đồng bộ (*.cbpkg);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Choose the package file (.cbpkg) on the USB drive.</source>
            <translation>Chọn tệp gói (.cbpkg) trên USB.</translation>
        </message>
        <message>
            <source>Checking the package…</source>
            <translation>Đang kiểm tra gói…</translation>
        </message>
        <message>
            <source>Step 2. Package checks</source>
            <translation>Bước 2. Kiểm tra gói</translation>
        </message>
        <message>
            <source>File structure, the sending unit's signature, the receiving unit, version, package order, hashes and counts.</source>
            <translation>Cấu trúc tệp, chữ ký của đơn vị gửi, đơn vị nhận, phiên bản, thứ tự gói, mã băm và số lượng.</translation>
        </message>
        <message>
            <source>From: &lt;b&gt;{sender}&lt;/b&gt;</source>
            <translation>Gửi từ: &lt;b&gt;{sender}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>package no. &lt;b&gt;{number}&lt;/b&gt;</source>
            <translation>gói số &lt;b&gt;{number}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>package ID {id}…</source>
            <translation>mã gói {id}…</translation>
        </message>
        <message>
            <source>Step 3. Preview</source>
            <translation>Bước 3. Xem trước</translation>
        </message>
        <message>
            <source>Nothing has been written yet. Press «Apply»: the program first backs up the database, then writes everything at once (an error anywhere and nothing is written).</source>
            <translation>Chưa có gì được ghi. Bấm «Áp dụng»: chương trình tự sao lưu cơ sở dữ liệu trước, rồi ghi tất cả trong một lần (lỗi ở bất kỳ đâu thì không ghi gì).</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <source>Person / record</source>
            <translation>Cán bộ / bản ghi</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Hiện có</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Nhận về</translation>
        </message>
        <message>
            <source>Changes by person</source>
            <translation>Thay đổi theo cán bộ</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>Các trường</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Accept the soft conflicts too (both sides merged; not put on the list to resolve)</source>
            <translation>Chấp nhận luôn các xung đột mềm (đã gộp hai bên, không đưa vào danh sách chờ xử lý)</translation>
        </message>
        <message>
            <source>&lt;b&gt;{reason}&lt;/b&gt;&lt;br&gt;Press «Apply» to record it: the records sent will no longer be «sent, not acknowledged».</source>
            <translation>&lt;b&gt;{reason}&lt;/b&gt;&lt;br&gt;Bấm «Áp dụng» để ghi nhận: các bản ghi đã gửi sẽ không còn ở trạng thái «đã gửi, chưa xác nhận».</translation>
        </message>
        <message>
            <source>&lt;b&gt;{count}&lt;/b&gt; conflicts ({hard} need a decision)</source>
            <translation>&lt;b&gt;{count}&lt;/b&gt; xung đột ({hard} cần người quyết định)</translation>
        </message>
        <message>
            <source>No conflicts.</source>
            <translation>Không có xung đột.</translation>
        </message>
        <message>
            <source>Conflicts ({count})</source>
            <translation>Xung đột ({count})</translation>
        </message>
        <message>
            <source>Changes by person ({count})</source>
            <translation>Thay đổi theo cán bộ ({count})</translation>
        </message>
        <message>
            <source>Hard conflicts are not applied: they wait on the «Conflicts» page for the person in charge to decide.</source>
            <translation>Xung đột cứng không được áp dụng: chúng chờ ở trang «Xung đột» để người có trách nhiệm quyết định.</translation>
        </message>
        <message>
            <source>Backing up the database and applying the package…</source>
            <translation>Đang sao lưu cơ sở dữ liệu và áp dụng gói…</translation>
        </message>
        <message>
            <source>Step 4. Result</source>
            <translation>Bước 4. Kết quả</translation>
        </message>
        <message>
            <source>&lt;b&gt;{count}&lt;/b&gt; conflicts were put on the «Conflicts» page to be resolved.</source>
            <translation>&lt;b&gt;{count}&lt;/b&gt; xung đột được đưa vào trang «Xung đột» để xử lý.</translation>
        </message>
        <message>
            <source>Backup made before the import: {path}</source>
            <translation>Bản sao lưu trước khi nhập: {path}</translation>
        </message>
        <message>
            <source>Wrote the acknowledgement package &lt;b&gt;{name}&lt;/b&gt; to {folder}. Take it back to the unit that sent the package for them to import (it confirms everything was received). The USB drive can be safely removed.</source>
            <translation>Đã ghi gói xác nhận &lt;b&gt;{name}&lt;/b&gt; vào {folder}. Mang gói này về cho đơn vị đã gửi để họ nhập (xác nhận đã nhận đủ). Có thể rút USB an toàn.</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Key set-up…</source>
            <translation>Cài đặt khoá…</translation>
        </message>
        <message>
            <source>Create keys, exchange keys packages with the parent and child units; the recovery key</source>
            <translation>Tạo khoá, trao đổi gói khoá với cấp trên, cấp dưới; khoá khôi phục</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Quan hệ</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>Dấu vân tay khoá</translation>
        </message>
        <message>
            <source>Last package sent</source>
            <translation>Gói gửi gần nhất</translation>
        </message>
        <message>
            <source>Last package received</source>
            <translation>Gói nhận gần nhất</translation>
        </message>
        <message>
            <source>Sent, not acknowledged</source>
            <translation>Đã gửi, chưa xác nhận</translation>
        </message>
        <message>
            <source>Send a package to the parent unit</source>
            <translation>Gửi gói lên cấp trên</translation>
        </message>
        <message>
            <source>Send to</source>
            <translation>Gửi cho</translation>
        </message>
        <message>
            <source>Changes the parent has not acknowledged</source>
            <translation>Phần thay đổi cấp trên chưa xác nhận</translation>
        </message>
        <message>
            <source>All of the unit's data</source>
            <translation>Toàn bộ dữ liệu của đơn vị</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>Ghi vào</translation>
        </message>
        <message>
            <source>the unit's key passphrase (to sign the package)</source>
            <translation>cụm mật khẩu khoá của đơn vị (để ký gói)</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Cụm mật khẩu</translation>
        </message>
        <message>
            <source>Write package to USB</source>
            <translation>Ghi gói ra USB</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Dừng</translation>
        </message>
        <message>
            <source>View receipt (PDF)…</source>
            <translation>Xem biên nhận (PDF)…</translation>
        </message>
        <message>
            <source>Receive a package from USB</source>
            <translation>Nhận gói từ USB</translation>
        </message>
        <message>
            <source>Packages from child units (data) and from the parent (acknowledgements, code lists). The program checks the signature and the order of the packages, previews every change and conflict, and backs up before writing.</source>
            <translation>Gói của đơn vị cấp dưới (dữ liệu), của cấp trên (xác nhận, danh mục). Chương trình kiểm tra chữ ký và thứ tự gói, cho xem trước mọi thay đổi và xung đột, sao lưu rồi mới ghi.</translation>
        </message>
        <message>
            <source>Receive package…</source>
            <translation>Nhận gói…</translation>
        </message>
        <message>
            <source>Send and receive</source>
            <translation>Gửi và nhận</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>&lt;b&gt;This unit has no sync keys yet.&lt;/b&gt; Press «Key set-up…» to create them and exchange keys packages with the parent unit before sending packages.</source>
            <translation>&lt;b&gt;Đơn vị chưa có khoá đồng bộ.&lt;/b&gt; Bấm «Cài đặt khoá…» để tạo khoá và trao đổi gói khoá với đơn vị cấp trên trước khi gửi gói.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{unit}&lt;/b&gt; ({code}) — key fingerprint:</source>
            <translation>&lt;b&gt;{unit}&lt;/b&gt; ({code}) — dấu vân tay khoá:</translation>
        </message>
        <message>
            <source>no. {number} · {date}</source>
            <translation>số {number} · {date}</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>chưa gửi</translation>
        </message>
        <message>
            <source>on {date}</source>
            <translation>ngày {date}</translation>
        </message>
        <message>
            <source>not received yet</source>
            <translation>chưa nhận</translation>
        </message>
        <message>
            <source>{count} rows</source>
            <translation>{count} dòng</translation>
        </message>
        <message>
            <source>all acknowledged</source>
            <translation>đã xác nhận hết</translation>
        </message>
        <message>
            <source>Sent, not acknowledged: the parent has not yet sent back an acknowledgement package for these rows</source>
            <translation>Đã gửi, chưa xác nhận: cấp trên chưa gửi lại gói xác nhận cho những dòng này</translation>
        </message>
        <message>
            <source>Parent — {unit}</source>
            <translation>Cấp trên — {unit}</translation>
        </message>
        <message>
            <source>Child — {unit} (code lists, rules)</source>
            <translation>Cấp dưới — {unit} (danh mục, quy định)</translation>
        </message>
        <message>
            <source>No receiving unit yet — receive the parent's keys package in «Key set-up…»</source>
            <translation>Chưa có đơn vị nhận — nhận gói khoá của cấp trên trong «Cài đặt khoá…»</translation>
        </message>
        <message>
            <source>Conflicts ({count})</source>
            <translation>Xung đột ({count})</translation>
        </message>
        <message>
            <source>No unit to receive the package: first receive the parent unit's keys package («Key set-up…»).</source>
            <translation>Chưa có đơn vị nhận gói: nhận gói khoá của đơn vị cấp trên trước («Cài đặt khoá…»).</translation>
        </message>
        <message>
            <source>Plug in a USB drive and press «Refresh», or choose a folder.</source>
            <translation>Cắm USB rồi bấm «Làm mới», hoặc chọn một thư mục.</translation>
        </message>
        <message>
            <source>Enter the unit's key passphrase to sign the package.</source>
            <translation>Nhập cụm mật khẩu khoá của đơn vị để ký gói.</translation>
        </message>
        <message>
            <source>Cannot write to {path}: the drive is read-only.</source>
            <translation>Không ghi được vào {path}: ổ chỉ cho đọc.</translation>
        </message>
        <message>
            <source>Preparing the package…</source>
            <translation>Đang chuẩn bị gói…</translation>
        </message>
        <message>
            <source>Stopping… the unfinished package will be deleted from the USB drive.</source>
            <translation>Đang dừng… gói dở dang sẽ bị xoá khỏi USB.</translation>
        </message>
        <message>
            <source>Wrote the package &lt;b&gt;{name}&lt;/b&gt; ({count} rows, {size}) to {folder} — &lt;b&gt;the USB drive can be safely removed&lt;/b&gt;.</source>
            <translation>Đã ghi gói &lt;b&gt;{name}&lt;/b&gt; ({count} dòng, {size}) vào {folder} — &lt;b&gt;có thể rút USB an toàn&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Stopped: no package was written.</source>
            <translation>Đã dừng: không có gói nào được ghi.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
        <message>
            <source>Receipt for package {name}</source>
            <translation>Biên nhận gói {name}</translation>
        </message>
        <message>
            <source>Receipt {name}.pdf</source>
            <translation>Biên nhận {name}.pdf</translation>
        </message>
        <message>
            <source>Cancelled, nothing imported.</source>
            <translation>Đã huỷ, chưa nhập gì.</translation>
        </message>
    </context>
    <context>
        <name>SyncSetup</name>
        <message>
            <source>Parent unit (we send our packages to it)</source>
            <translation>Đơn vị cấp trên (nơi mình gửi gói lên)</translation>
        </message>
        <message>
            <source>Child unit (sends its packages to us)</source>
            <translation>Đơn vị cấp dưới (gửi gói lên mình)</translation>
        </message>
        <message>
            <source>Province recovery key</source>
            <translation>Khoá khôi phục của tỉnh</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>Cấp trên</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Cấp dưới</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Khoá khôi phục</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>Dấu vân tay khoá</translation>
        </message>
        <message>
            <source>USB sync set-up — the unit's keys</source>
            <translation>Cài đặt đồng bộ USB — khoá của đơn vị</translation>
        </message>
        <message>
            <source>Create the unit's keys</source>
            <translation>Tạo khoá cho đơn vị</translation>
        </message>
        <message>
            <source>at least {count} characters</source>
            <translation>ít nhất {count} ký tự</translation>
        </message>
        <message>
            <source>type it again</source>
            <translation>nhập lại</translation>
        </message>
        <message>
            <source>Create keys</source>
            <translation>Tạo khoá</translation>
        </message>
        <message>
            <source>Key passphrase</source>
            <translation>Cụm mật khẩu khoá</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Nhập lại</translation>
        </message>
        <message>
            <source>This passphrase protects the unit's signing key; it is asked for at every export. Write it down and keep it safe: if it is forgotten, new keys must be created and exchanged again with the parent unit.</source>
            <translation>Cụm mật khẩu này bảo vệ khoá ký của đơn vị; cần nhập mỗi lần xuất gói. Hãy ghi lại và cất giữ cẩn thận: quên nó thì phải tạo khoá mới và trao đổi lại với cấp trên.</translation>
        </message>
        <message>
            <source>Write the keys package to USB (to take to the parent or a child unit)</source>
            <translation>Ghi gói khoá ra USB (để mang lên cấp trên hoặc xuống cấp dưới)</translation>
        </message>
        <message>
            <source>the unit's key passphrase</source>
            <translation>cụm mật khẩu khoá của đơn vị</translation>
        </message>
        <message>
            <source>Write keys package</source>
            <translation>Ghi gói khoá</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>Ghi vào</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Cụm mật khẩu</translation>
        </message>
        <message>
            <source>Our unit's keys</source>
            <translation>Khoá của đơn vị mình</translation>
        </message>
        <message>
            <source>Receive another unit's keys package</source>
            <translation>Nhận gói khoá của đơn vị khác</translation>
        </message>
        <message>
            <source>the .cbpkg file with the other unit's keys</source>
            <translation>tệp .cbpkg chứa khoá của đơn vị kia</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Chọn tệp…</translation>
        </message>
        <message>
            <source>Receive keys</source>
            <translation>Nhận khoá</translation>
        </message>
        <message>
            <source>Keys package file</source>
            <translation>Tệp gói khoá</translation>
        </message>
        <message>
            <source>This unit is</source>
            <translation>Đơn vị này là</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Quan hệ</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Parent and child units</source>
            <translation>Đơn vị cấp trên, cấp dưới</translation>
        </message>
        <message>
            <source>The recovery key is created once by the &lt;b&gt;Department of Home Affairs (province)&lt;/b&gt;. Every data package in the province is also encrypted for this key, so that a package can still be opened when a unit loses its keys. The key's secret part is written to a file, protected by a passphrase of its own, and kept in a safe. The other units only receive the public part (the recovery keys package) in the «Parent and child units» tab.</source>
            <translation>Khoá khôi phục do &lt;b&gt;Sở Nội vụ (cấp tỉnh)&lt;/b&gt; tạo một lần. Mọi gói dữ liệu trong tỉnh đều được mã hoá thêm cho khoá này, để mở được gói khi một đơn vị mất khoá. Phần bí mật của khoá được ghi ra tệp, bảo vệ bằng một cụm mật khẩu riêng, và cất trong két. Các đơn vị khác chỉ cần nhận phần công khai (gói khoá khôi phục) ở thẻ «Đơn vị cấp trên, cấp dưới».</translation>
        </message>
        <message>
            <source>Create the recovery key</source>
            <translation>Tạo khoá khôi phục</translation>
        </message>
        <message>
            <source>a passphrase of its own, at least {count} characters</source>
            <translation>cụm mật khẩu riêng, ít nhất {count} ký tự</translation>
        </message>
        <message>
            <source>Create recovery key</source>
            <translation>Tạo khoá khôi phục</translation>
        </message>
        <message>
            <source>Write the secret part to</source>
            <translation>Ghi phần bí mật vào</translation>
        </message>
        <message>
            <source>Recovery key (province)</source>
            <translation>Khoá khôi phục (tỉnh)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>This unit has no sync keys yet. Create them before exchanging keys with the parent and child units.</source>
            <translation>Đơn vị chưa có khoá đồng bộ. Tạo khoá trước khi trao đổi với cấp trên, cấp dưới.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{unit}&lt;/b&gt; ({code}) has its keys. The unit's key fingerprint — read it out to the other unit's clerk to compare:</source>
            <translation>&lt;b&gt;{unit}&lt;/b&gt; ({code}) đã có khoá. Dấu vân tay khoá của đơn vị — đọc cho cán bộ đơn vị bên kia đối chiếu:</translation>
        </message>
        <message>
            <source>Recovery key in use — fingerprint:</source>
            <translation>Khoá khôi phục đang dùng — dấu vân tay:</translation>
        </message>
        <message>
            <source>No recovery key: packages open only with the receiving unit's key.</source>
            <translation>Chưa có khoá khôi phục: các gói chỉ mở được bằng khoá của đơn vị nhận.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{unit}&lt;/b&gt; — {relation}. Fingerprint:</source>
            <translation>&lt;b&gt;{unit}&lt;/b&gt; — {relation}. Dấu vân tay:</translation>
        </message>
        <message>
            <source>The key passphrase must have at least {count} characters.</source>
            <translation>Cụm mật khẩu khoá phải có ít nhất {count} ký tự.</translation>
        </message>
        <message>
            <source>The two passphrases typed are not the same.</source>
            <translation>Hai lần nhập cụm mật khẩu không giống nhau.</translation>
        </message>
        <message>
            <source>Creating the keys…</source>
            <translation>Đang tạo khoá…</translation>
        </message>
        <message>
            <source>The unit's keys are created. Next: write the keys package to USB and take it to the parent unit.</source>
            <translation>Đã tạo khoá của đơn vị. Bước tiếp: ghi gói khoá ra USB và mang đến đơn vị cấp trên.</translation>
        </message>
        <message>
            <source>Choose a USB drive or a folder to write the keys package to.</source>
            <translation>Chọn ổ USB hoặc thư mục để ghi gói khoá.</translation>
        </message>
        <message>
            <source>Enter the unit's key passphrase.</source>
            <translation>Nhập cụm mật khẩu khoá của đơn vị.</translation>
        </message>
        <message>
            <source>Writing the keys package…</source>
            <translation>Đang ghi gói khoá…</translation>
        </message>
        <message>
            <source>Wrote the keys package {name} to {folder}. When the other unit receives it, read the fingerprint out together to compare. The USB drive can be safely removed.</source>
            <translation>Đã ghi gói khoá {name} vào {folder}. Khi đơn vị bên kia nhận, hãy cùng đọc dấu vân tay để đối chiếu. Có thể rút USB an toàn.</translation>
        </message>
        <message>
            <source>Choose the keys package</source>
            <translation>Chọn gói khoá</translation>
        </message>
        <message>
            <source>Sync packages (*.cbpkg);;All files (*)</source>
            <translation>Gói đồng bộ (*.cbpkg);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Choose the other unit's keys package file.</source>
            <translation>Chọn tệp gói khoá của đơn vị kia.</translation>
        </message>
        <message>
            <source>Reading the keys package…</source>
            <translation>Đang đọc gói khoá…</translation>
        </message>
        <message>
            <source>Received the keys of &lt;b&gt;{unit}&lt;/b&gt; ({relation}). &lt;b&gt;Phone that unit and read the fingerprint below out together&lt;/b&gt;: if a single character differs, the keys package is not theirs — tell the administrator at once.</source>
            <translation>Đã nhận khoá của &lt;b&gt;{unit}&lt;/b&gt; ({relation}). &lt;b&gt;Hãy gọi điện cho đơn vị đó và cùng đọc dấu vân tay dưới đây&lt;/b&gt;: nếu khác nhau một ký tự, gói khoá không phải của họ — báo ngay cho quản trị.</translation>
        </message>
        <message>
            <source>Saved the other unit's keys.</source>
            <translation>Đã lưu khoá của đơn vị kia.</translation>
        </message>
        <message>
            <source>The recovery key passphrase must have at least {count} characters.</source>
            <translation>Cụm mật khẩu khoá khôi phục phải có ít nhất {count} ký tự.</translation>
        </message>
        <message>
            <source>Choose where to write the recovery key's secret part (a separate USB drive, to keep in the safe).</source>
            <translation>Chọn nơi ghi phần bí mật của khoá khôi phục (một USB riêng để cất vào két).</translation>
        </message>
        <message>
            <source>Creating the recovery key…</source>
            <translation>Đang tạo khoá khôi phục…</translation>
        </message>
        <message>
            <source>Created the recovery key. Secret part: {secret} — keep this USB drive in the safe. Public part: the package {name}, to send down to every unit (received in the «Parent and child units» tab, choosing «Province recovery key»).</source>
            <translation>Đã tạo khoá khôi phục. Phần bí mật: {secret} — cất USB này vào két. Phần công khai: gói {name}, gửi xuống mọi đơn vị (nhận ở thẻ «Đơn vị cấp trên, cấp dưới», chọn «Khoá khôi phục của tỉnh»).</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>TargetsModel</name>
        <message>
            <source>Young cadres</source>
            <translation>Cán bộ trẻ</translation>
        </message>
        <message>
            <source>Women cadres</source>
            <translation>Cán bộ nữ</translation>
        </message>
        <message>
            <source>University degree+</source>
            <translation>Đại học trở lên</translation>
        </message>
        <message>
            <source>Political theory, intermediate+</source>
            <translation>LLCT từ trung cấp</translation>
        </message>
        <message>
            <source>Refresher training</source>
            <translation>Bồi dưỡng cập nhật</translation>
        </message>
        <message>
            <source>Ethnic minorities</source>
            <translation>Dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Key posts from elsewhere</source>
            <translation>Chủ chốt ngoài địa phương</translation>
        </message>
        <message>
            <source>monitored</source>
            <translation>theo dõi</translation>
        </message>
        <message>
            <source>{threshold} by {deadline}</source>
            <translation>{threshold} đến {deadline}</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>{name}
Target: {target}
Basis: {source}</source>
            <translation>{name}
Chỉ tiêu: {target}
Căn cứ: {source}</translation>
        </message>
        <message>
            <source>{name}
Target: {target}</source>
            <translation>{name}
Chỉ tiêu: {target}</translation>
        </message>
        <message>
            <source>{name} ({code}): the figures include the units below it</source>
            <translation>{name} ({code}): số liệu gồm cả các đơn vị trực thuộc</translation>
        </message>
        <message>
            <source>none (a monitored indicator)</source>
            <translation>không có (chỉ tiêu theo dõi)</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>không ghi</translation>
        </message>
        <message>
            <source>{indicator} — {unit}
{message}
Threshold: {threshold}
Deadline: {deadline}
Click the cell to list the people counted.</source>
            <translation>{indicator} — {unit}
{message}
Ngưỡng: {threshold}
Hạn: {deadline}
Bấm vào ô để xem danh sách người được tính.</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <translation>Thùng rác</translation>
        </message>
        <message>
            <source>Records moved to the trash no longer appear in the list, searches or reports. They can be restored at any time.</source>
            <translation>Hồ sơ đã xoá vào thùng rác không còn trong danh sách, tìm kiếm và báo cáo. Có thể khôi phục bất cứ lúc nào.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>Delete for good…</source>
            <translation>Xoá vĩnh viễn…</translation>
        </message>
        <message>
            <source>Administrators only</source>
            <translation>Chỉ quản trị viên</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Restored {count} records.</source>
            <translation>Đã khôi phục {count} hồ sơ.</translation>
        </message>
        <message>
            <source>Delete for good</source>
            <translation>Xoá vĩnh viễn</translation>
        </message>
        <message>
            <source>Delete {count} records for good? They cannot be restored.
Type “{words}” to confirm:</source>
            <translation>Xoá vĩnh viễn {count} hồ sơ? Không thể khôi phục.
Gõ “{words}” để xác nhận:</translation>
        </message>
        <message>
            <source>Deleted {count} records for good.</source>
            <translation>Đã xoá vĩnh viễn {count} hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>Usb</name>
        <message>
            <source>system</source>
            <translation>hệ thống</translation>
        </message>
        <message>
            <source>USB · {name} — {free} free of {total} — read-only</source>
            <translation>USB · {name} — trống {free} / {total} — chỉ đọc</translation>
        </message>
        <message>
            <source>USB · {name} — {free} free of {total}</source>
            <translation>USB · {name} — trống {free} / {total}</translation>
        </message>
        <message>
            <source>Disk · {name} — {free} free of {total} — read-only</source>
            <translation>Ổ đĩa · {name} — trống {free} / {total} — chỉ đọc</translation>
        </message>
        <message>
            <source>Disk · {name} — {free} free of {total}</source>
            <translation>Ổ đĩa · {name} — trống {free} / {total}</translation>
        </message>
        <message>
            <source>USB drive or folder</source>
            <translation>Ổ USB hoặc thư mục</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>Look again for USB drives just plugged in</source>
            <translation>Tìm lại các ổ USB vừa cắm vào</translation>
        </message>
        <message>
            <source>Other folder…</source>
            <translation>Thư mục khác…</translation>
        </message>
        <message>
            <source>Folder · {path} — {free} free</source>
            <translation>Thư mục · {path} — trống {free}</translation>
        </message>
        <message>
            <source>No USB drive found — plug one in and press «Refresh»</source>
            <translation>Chưa thấy ổ USB nào — cắm USB rồi bấm «Làm mới»</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Chọn thư mục</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Phạm vi</translation>
        </message>
        <message>
            <source>Sees sensitive data</source>
            <translation>Xem thông tin nhạy cảm</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Last login</source>
            <translation>Đăng nhập gần nhất</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
        <message>
            <source>Head (head of office)</source>
            <translation>Lãnh đạo (trưởng phòng)</translation>
        </message>
        <message>
            <source>Clerk</source>
            <translation>Chuyên viên</translation>
        </message>
        <message>
            <source>View only</source>
            <translation>Chỉ xem</translation>
        </message>
        <message>
            <source>Edit account</source>
            <translation>Sửa tài khoản</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Thêm tài khoản</translation>
        </message>
        <message>
            <source>The whole database</source>
            <translation>Toàn bộ cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>May see ethnicity, religion, health, discipline, personal history…</source>
            <translation>Được xem dân tộc, tôn giáo, sức khỏe, kỷ luật, lịch sử bản thân…</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>Họ tên:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Vai trò:</translation>
        </message>
        <message>
            <source>Unit scope:</source>
            <translation>Phạm vi đơn vị:</translation>
        </message>
        <message>
            <source>Sensitive data:</source>
            <translation>Thông tin nhạy cảm:</translation>
        </message>
        <message>
            <source>Temporary password (≥ 8 characters):</source>
            <translation>Mật khẩu tạm (≥ 8 ký tự):</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Danh sách người dùng</translation>
        </message>
        <message>
            <source>Add account…</source>
            <translation>Thêm tài khoản…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Sửa…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>Đặt lại mật khẩu…</translation>
        </message>
        <message>
            <source>Disable / enable</source>
            <translation>Vô hiệu hoá / kích hoạt</translation>
        </message>
        <message>
            <source>Lock the screen after (minutes, 0 = never):</source>
            <translation>Tự khoá màn hình sau (phút, 0 = không khoá):</translation>
        </message>
        <message>
            <source>Minutes before the screen locks</source>
            <translation>Số phút tự khoá màn hình</translation>
        </message>
        <message>
            <source>Saved the lock time.</source>
            <translation>Đã lưu thời gian tự khoá.</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>đang dùng</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>đã vô hiệu hoá</translation>
        </message>
        <message>
            <source>locked until {time}</source>
            <translation>tạm khoá đến {time}</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Toàn bộ</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <source>Only an administrator manages the users.</source>
            <translation>Chỉ quản trị viên quản lý người dùng.</translation>
        </message>
        <message>
            <source>Added the account “{user}” (the password must be changed at the first login).</source>
            <translation>Đã thêm tài khoản “{user}” (phải đổi mật khẩu ở lần đăng nhập đầu).</translation>
        </message>
        <message>
            <source>Choose an account in the list.</source>
            <translation>Chọn một tài khoản trong danh sách.</translation>
        </message>
        <message>
            <source>Saved the account “{user}”.</source>
            <translation>Đã lưu tài khoản “{user}”.</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Đặt lại mật khẩu</translation>
        </message>
        <message>
            <source>Temporary password for “{user}” (≥ 8 characters):</source>
            <translation>Mật khẩu tạm cho “{user}” (≥ 8 ký tự):</translation>
        </message>
        <message>
            <source>Set a temporary password for “{user}” (to be changed at the next login).</source>
            <translation>Đã đặt mật khẩu tạm cho “{user}” (phải đổi ở lần đăng nhập tới).</translation>
        </message>
        <message>
            <source>Disabled the account “{user}”.</source>
            <translation>Đã vô hiệu hoá tài khoản “{user}”.</translation>
        </message>
        <message>
            <source>Enabled the account “{user}” again.</source>
            <translation>Đã kích hoạt lại tài khoản “{user}”.</translation>
        </message>
    </context>
    <context>
        <name>VotePanel</name>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Cao</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Tín nhiệm</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Thấp</translation>
        </message>
        <message>
            <source>Low share</source>
            <translation>Tỷ lệ thấp</translation>
        </message>
        <message>
            <source>Consequence</source>
            <translation>Hệ quả</translation>
        </message>
        <message>
            <source>High confidence</source>
            <translation>Tín nhiệm cao</translation>
        </message>
        <message>
            <source>Low confidence</source>
            <translation>Tín nhiệm thấp</translation>
        </message>
        <message>
            <source>Confidence votes held</source>
            <translation>Các lần lấy phiếu tín nhiệm</translation>
        </message>
        <message>
            <source>Record a new vote…</source>
            <translation>Ghi kết quả lấy phiếu mới…</translation>
        </message>
        <message>
            <source>Date of the vote</source>
            <translation>Ngày lấy phiếu</translation>
        </message>
        <message>
            <source>People convened</source>
            <translation>Số người được triệu tập</translation>
        </message>
        <message>
            <source>People present</source>
            <translation>Số người có mặt</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Enter the ballots of each person voted on; empty rows are not recorded.</source>
            <translation>Ghi số phiếu của từng người được lấy phiếu; dòng để trống không được ghi.</translation>
        </message>
        <message>
            <source>Record results</source>
            <translation>Ghi kết quả</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Huỷ bỏ</translation>
        </message>
        <message>
            <source>Only a clerk, the head of the office or an administrator may record the results of a vote.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được ghi kết quả lấy phiếu.</translation>
        </message>
        <message>
            <source>Choose a unit above.</source>
            <translation>Chọn đơn vị ở trên.</translation>
        </message>
        <message>
            <source>{date} – {unit}
{present}/{convened} present, {people} people voted on</source>
            <translation>{date} – {unit}
{present}/{convened} có mặt, {people} người được lấy phiếu</translation>
        </message>
        <message>
            <source>This unit has held no confidence vote yet.</source>
            <translation>Chưa có lần lấy phiếu tín nhiệm nào của đơn vị này.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Confidence vote of {date}&lt;/b&gt; – {unit}. {note}&lt;br&gt;&lt;small&gt;Legal basis: {source}&lt;/small&gt;</source>
            <translation>&lt;b&gt;Lấy phiếu tín nhiệm ngày {date}&lt;/b&gt; – {unit}. {note}&lt;br&gt;&lt;small&gt;Căn cứ: {source}&lt;/small&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Confidence vote of {date}&lt;/b&gt; – {unit}&lt;br&gt;&lt;small&gt;Legal basis: {source}&lt;/small&gt;</source>
            <translation>&lt;b&gt;Lấy phiếu tín nhiệm ngày {date}&lt;/b&gt; – {unit}&lt;br&gt;&lt;small&gt;Căn cứ: {source}&lt;/small&gt;</translation>
        </message>
        <message>
            <source>Recording the vote of {unit}.</source>
            <translation>Ghi kết quả lấy phiếu của {unit}.</translation>
        </message>
        <message>
            <source>{name}: the ballot counts must be whole numbers.</source>
            <translation>{name}: số phiếu phải là số nguyên.</translation>
        </message>
        <message>
            <source>Enter the date of the vote.</source>
            <translation>Nhập ngày lấy phiếu.</translation>
        </message>
        <message>
            <source>The results of the vote are recorded.</source>
            <translation>Đã ghi kết quả lấy phiếu.</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>Lỗi: {error}</translation>
        </message>
    </context>
    <context>
        <name>cli.audit</name>
        <message>
            <source>no office yet</source>
            <translation>chưa có văn phòng nào</translation>
        </message>
        <message>
            <source>No log received from “{text}”. Received from: {known}.</source>
            <translation>Không có nhật ký nào nhận từ “{text}”. Đã nhận từ: {known}.</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>Lỗi: {message}</translation>
        </message>
        <message>
            <source>--limit must be a positive number.</source>
            <translation>--limit phải là số dương.</translation>
        </message>
        <message>
            <source>start date</source>
            <translation>ngày bắt đầu</translation>
        </message>
        <message>
            <source>end date</source>
            <translation>ngày kết thúc</translation>
        </message>
        <message>
            <source>The start date {d_from:%d/%m/%Y} is after the end date {d_to:%d/%m/%Y}.</source>
            <translation>Ngày bắt đầu {d_from:%d/%m/%Y} sau ngày kết thúc {d_to:%d/%m/%Y}.</translation>
        </message>
        <message>
            <source>No entries match the filter.</source>
            <translation>Không có mục nào khớp bộ lọc.</translation>
        </message>
        <message>
            <source>{name:40} {packages:&gt;5} packages  {node_id}</source>
            <translation>{name:40} {packages:&gt;5} gói  {node_id}</translation>
        </message>
        <message>
            <source>No office's audit log has been received through a sync package yet.</source>
            <translation>Chưa nhận nhật ký thao tác của văn phòng nào qua gói đồng bộ.</translation>
        </message>
        <message>
            <source>audit log: check its integrity, view it with filters</source>
            <translation>nhật ký thao tác: kiểm tra tính toàn vẹn, xem theo bộ lọc</translation>
        </message>
        <message>
            <source>check the hash chain of the log (finds rows changed, deleted or inserted)</source>
            <translation>kiểm tra chuỗi mã băm của nhật ký (phát hiện dòng bị sửa, xoá, chèn)</translation>
        </message>
        <message>
            <source>the log received from this office (name or node ID; see: canbo audit sources)</source>
            <translation>nhật ký nhận từ văn phòng này (tên hoặc mã nút; xem: canbo audit sources)</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>list the log entries (newest first)</source>
            <translation>liệt kê các mục nhật ký (mới nhất trước)</translation>
        </message>
        <message>
            <source>who did it</source>
            <translation>người thực hiện</translation>
        </message>
        <message>
            <source>action (insert, update, delete, export, print, view_sensitive…; “appointment.” for every action starting so)</source>
            <translation>thao tác (insert, update, delete, export, print, view_sensitive…; “appointment.” cho mọi thao tác bắt đầu như vậy)</translation>
        </message>
        <message>
            <source>kind of object (cadre, report, appointment_procedure…)</source>
            <translation>loại đối tượng (cadre, report, appointment_procedure…)</translation>
        </message>
        <message>
            <source>object ID</source>
            <translation>mã đối tượng</translation>
        </message>
        <message>
            <source>from date (YYYY-MM-DD or dd/mm/yyyy)</source>
            <translation>từ ngày (YYYY-MM-DD hoặc dd/mm/yyyy)</translation>
        </message>
        <message>
            <source>to date (that day included)</source>
            <translation>đến ngày (kể cả ngày đó)</translation>
        </message>
        <message>
            <source>maximum number of entries (default 200)</source>
            <translation>số mục tối đa (mặc định 200)</translation>
        </message>
        <message>
            <source>the offices that sent their audit log with a sync package</source>
            <translation>các văn phòng đã gửi nhật ký thao tác kèm gói đồng bộ</translation>
        </message>
    </context>
    <context>
        <name>cli.backup</name>
        <message>
            <source>A PostgreSQL database is backed up on the server (pg_dump); this command is only for SQLite files.</source>
            <translation>Cơ sở dữ liệu PostgreSQL được sao lưu trên máy chủ (pg_dump); lệnh này chỉ dùng cho tệp SQLite.</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>Chưa có bản sao lưu nào.</translation>
        </message>
        <message>
            <source>Restoring replaces the current database with the backup: add --yes to confirm.</source>
            <translation>Khôi phục sẽ thay cơ sở dữ liệu hiện tại bằng bản sao lưu: thêm --yes để xác nhận.</translation>
        </message>
        <message>
            <source>Replace the database “{db_file}” with the backup “{name}”?
The current one is kept beside it. Type “yes” to agree: </source>
            <translation>Thay cơ sở dữ liệu “{db_file}” bằng bản sao lưu “{name}”?
Bản hiện tại sẽ được giữ lại bên cạnh. Gõ “co” để đồng ý: </translation>
        </message>
        <message>
            <source>Cancelled, the database is unchanged.</source>
            <translation>Đã huỷ, cơ sở dữ liệu không đổi.</translation>
        </message>
        <message>
            <source>back up and restore the database</source>
            <translation>sao lưu và khôi phục cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>make a backup now (in the backups folder beside the data file)</source>
            <translation>tạo một bản sao lưu ngay (trong thư mục backups cạnh tệp dữ liệu)</translation>
        </message>
        <message>
            <source>reason written in the file name (default: manual)</source>
            <translation>lý do ghi vào tên tệp (mặc định: thủ công)</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>the backups, newest first</source>
            <translation>các bản sao lưu, mới nhất trước</translation>
        </message>
        <message>
            <source>restore from a backup (the current one is kept)</source>
            <translation>khôi phục từ một bản sao lưu (giữ lại bản hiện tại)</translation>
        </message>
        <message>
            <source>file name in the backups folder or path of a backup file</source>
            <translation>tên tệp trong thư mục backups hoặc đường dẫn tệp sao lưu</translation>
        </message>
        <message>
            <source>do not ask again</source>
            <translation>không hỏi lại</translation>
        </message>
    </context>
    <context>
        <name>cli.common</name>
        <message>
            <source>the following arguments are required</source>
            <translation>thiếu tham số bắt buộc</translation>
        </message>
        <message>
            <source>unrecognized arguments</source>
            <translation>tham số không nhận ra</translation>
        </message>
        <message>
            <source>invalid choice</source>
            <translation>lựa chọn không hợp lệ</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>cần một giá trị</translation>
        </message>
        <message>
            <source>invalid int value</source>
            <translation>không phải số nguyên</translation>
        </message>
        <message>
            <source>argument </source>
            <translation>tham số </translation>
        </message>
        <message>
            <source>{prog}: error: {message}
</source>
            <translation>{prog}: lỗi: {message}
</translation>
        </message>
        <message>
            <source>No password: set the CANBO_PASSWORD environment variable or run the command in a terminal window to type it.</source>
            <translation>Chưa có mật khẩu: đặt biến môi trường CANBO_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.</translation>
        </message>
        <message>
            <source>Password: </source>
            <translation>Mật khẩu: </translation>
        </message>
        <message>
            <source>Repeat the password: </source>
            <translation>Nhập lại mật khẩu: </translation>
        </message>
        <message>
            <source>The two passwords do not match.</source>
            <translation>Hai lần nhập mật khẩu không khớp.</translation>
        </message>
        <message>
            <source>Note: the installed program ignores the CANBO_CLI_TRUST variable; logging in with a password is required.</source>
            <translation>Lưu ý: bản cài đặt bỏ qua biến CANBO_CLI_TRUST; cần đăng nhập bằng mật khẩu.</translation>
        </message>
        <message>
            <source>There is no user “{name}” in this database: choose the account with --user or the CANBO_USER variable (default: admin).</source>
            <translation>Không có người dùng “{name}” trong cơ sở dữ liệu này: chọn tài khoản bằng --user hoặc biến CANBO_USER (mặc định: admin).</translation>
        </message>
        <message>
            <source>Note: the account is using a temporary password; change it in the program (File → Change password…).</source>
            <translation>Lưu ý: tài khoản đang dùng mật khẩu tạm; hãy đổi mật khẩu trong chương trình (Tệp → Đổi mật khẩu…).</translation>
        </message>
        <message>
            <source>{what} «{text}» is not valid (YYYY-MM-DD or dd/mm/yyyy).</source>
            <translation>{what} «{text}» không hợp lệ (dạng YYYY-MM-DD hoặc dd/mm/yyyy).</translation>
        </message>
        <message>
            <source>{what} is missing.</source>
            <translation>Thiếu {what}.</translation>
        </message>
    </context>
    <context>
        <name>cli.dossier</name>
        <message>
            <source>form: bnv = 2C-BNV/2008 (default), tctw = 2C/TCTW-98</source>
            <translation>mẫu: bnv = 2C-BNV/2008 (mặc định), tctw = 2C/TCTW-98</translation>
        </message>
        <message>
            <source>{what} «{path}» is a folder; a .pdf file path is needed.</source>
            <translation>{what} «{path}» là một thư mục; cần đường dẫn tệp .pdf.</translation>
        </message>
        <message>
            <source>The folder «{parent}» does not exist.</source>
            <translation>Thư mục «{parent}» không tồn tại.</translation>
        </message>
        <message>
            <source>Give one person's ID (PERSON_ID) or --unit UNIT_CODE, not both.</source>
            <translation>Cho mã một người (PERSON_ID) hoặc --unit MÃ_ĐƠN_VỊ, không cho cả hai.</translation>
        </message>
        <message>
            <source>--out FILE.pdf is missing.</source>
            <translation>Thiếu --out TỆP.pdf.</translation>
        </message>
        <message>
            <source>Printed the CV of {full_name} ({pages} pages): {out}</source>
            <translation>Đã in sơ yếu lý lịch của {full_name} ({pages} trang): {out}</translation>
        </message>
        <message>
            <source>--out-dir FOLDER (one file per person) or --merged FILE.pdf (one merged file) is missing.</source>
            <translation>Thiếu --out-dir THƯ_MỤC (mỗi người một tệp) hoặc --merged TỆP.pdf (một tệp gộp).</translation>
        </message>
        <message>
            <source>Unit «{unit}» has no cadres.</source>
            <translation>Đơn vị «{unit}» không có cán bộ nào.</translation>
        </message>
        <message>
            <source>Printed {done}/{total} CVs in {seconds:.1f} seconds into {merged}.</source>
            <translation>Đã in {done}/{total} sơ yếu lý lịch trong {seconds:.1f} giây vào {merged}.</translation>
        </message>
        <message>
            <source>Printed {done}/{total} CVs in {seconds:.1f} seconds into the folder {out_dir}.</source>
            <translation>Đã in {done}/{total} sơ yếu lý lịch trong {seconds:.1f} giây vào thư mục {out_dir}.</translation>
        </message>
        <message>
            <source>  Could not print {cid}: {err}</source>
            <translation>  Không in được {cid}: {err}</translation>
        </message>
        <message>
            <source>dossier date</source>
            <translation>ngày lập hồ sơ</translation>
        </message>
        <message>
            <source>Printed the {verb} dossier of {cadre_name} – {post} ({pages} pages): {out}</source>
            <translation>Đã in hồ sơ {verb} {cadre_name} – {post} ({pages} trang): {out}</translation>
        </message>
        <message>
            <source>Still missing: {items}</source>
            <translation>Còn thiếu: {items}</translation>
        </message>
        <message>
            <source>print the 2C CV and the appointment dossier (PDF)</source>
            <translation>in sơ yếu lý lịch 2C và hồ sơ bổ nhiệm (PDF)</translation>
        </message>
        <message>
            <source>the 2C CV of one person, or of a whole unit</source>
            <translation>sơ yếu lý lịch mẫu 2C của một người, hoặc của cả một đơn vị</translation>
        </message>
        <message>
            <source>cadre ID (see «canbo cadres search»)</source>
            <translation>mã cán bộ (xem «canbo cadres search»)</translation>
        </message>
        <message>
            <source>PDF file (one person)</source>
            <translation>tệp PDF (một người)</translation>
        </message>
        <message>
            <source>unit code: print for everyone of the unit and its sub-units</source>
            <translation>mã đơn vị: in cho mọi người của đơn vị và các đơn vị trực thuộc</translation>
        </message>
        <message>
            <source>folder: one PDF file per person</source>
            <translation>thư mục: mỗi người một tệp PDF</translation>
        </message>
        <message>
            <source>one merged PDF file, with a table of contents by person</source>
            <translation>một tệp PDF gộp, có mục lục theo người</translation>
        </message>
        <message>
            <source>only the people of that unit itself</source>
            <translation>chỉ người của chính đơn vị đó</translation>
        </message>
        <message>
            <source>number of parallel printing processes (default: every CPU core)</source>
            <translation>số tiến trình in song song (mặc định: mọi lõi CPU)</translation>
        </message>
        <message>
            <source>do not show progress</source>
            <translation>không in tiến độ</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>the appointment dossier of a procedure: submission, minutes, CV, evaluation, document list, draft decision</source>
            <translation>hồ sơ bổ nhiệm của một quy trình: tờ trình, biên bản, sơ yếu lý lịch, đánh giá, danh mục hồ sơ, dự thảo quyết định</translation>
        </message>
        <message>
            <source>appointment procedure ID</source>
            <translation>mã quy trình bổ nhiệm</translation>
        </message>
        <message>
            <source>PDF file</source>
            <translation>tệp PDF</translation>
        </message>
        <message>
            <source>dossier date (YYYY-MM-DD or dd/mm/yyyy; default today)</source>
            <translation>ngày lập hồ sơ (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)</translation>
        </message>
        <message>
            <source>take the document numbers (submission, decision) from the issuing body's register</source>
            <translation>lấy số văn bản (tờ trình, quyết định) từ sổ theo dõi của cơ quan ban hành</translation>
        </message>
    </context>
    <context>
        <name>cli.importing</name>
        <message>
            <source>File «{file}» not found.</source>
            <translation>Không tìm thấy tệp «{file}».</translation>
        </message>
        <message>
            <source>The folder «{parent}» does not exist.</source>
            <translation>Thư mục «{parent}» không tồn tại.</translation>
        </message>
        <message>
            <source>Would import (dry run, nothing written): {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rows with errors.</source>
            <translation>Sẽ nhập (chạy thử, chưa ghi gì): {inserted} thêm mới, {updated} cập nhật, {unchanged} không đổi, {rejected} dòng lỗi.</translation>
        </message>
        <message>
            <source>Imported: {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rows with errors.</source>
            <translation>Đã nhập: {inserted} thêm mới, {updated} cập nhật, {unchanged} không đổi, {rejected} dòng lỗi.</translation>
        </message>
        <message>
            <source>row {row}</source>
            <translation>dòng {row}</translation>
        </message>
        <message>
            <source>  row {row}, {where}: {reason}</source>
            <translation>  dòng {row}, {where}: {reason}</translation>
        </message>
        <message>
            <source>The rows with errors were written to «{report}»: correct them and import that file again.</source>
            <translation>Các dòng lỗi đã ghi vào «{report}»: sửa rồi nhập lại tệp đó.</translation>
        </message>
        <message>
            <source>«{out}» is a folder; a .xlsx file path is needed.</source>
            <translation>«{out}» là một thư mục; cần đường dẫn tệp .xlsx.</translation>
        </message>
        <message>
            <source>Exported {n} people to «{out}».</source>
            <translation>Đã xuất {n} người vào «{out}».</translation>
        </message>
        <message>
            <source>import the list of cadres from Excel (.xlsx)</source>
            <translation>nhập danh sách cán bộ từ Excel (.xlsx)</translation>
        </message>
        <message>
            <source>import the list of cadres from a .xlsx file (TCVN3/VNI text included), with a preview of each row's errors</source>
            <translation>nhập danh sách cán bộ từ tệp .xlsx (kể cả chữ TCVN3/VNI), có xem trước lỗi từng dòng</translation>
        </message>
        <message>
            <source>.xlsx file</source>
            <translation>tệp .xlsx</translation>
        </message>
        <message>
            <source>sheet name (default: the first visible sheet)</source>
            <translation>tên trang tính (mặc định: trang đầu tiên đang hiện)</translation>
        </message>
        <message>
            <source>JSON file mapping columns → fields (see --show-mapping)</source>
            <translation>tệp JSON gán cột → trường (xem --show-mapping)</translation>
        </message>
        <message>
            <source>header row number as Excel numbers it (default: found automatically)</source>
            <translation>số dòng tiêu đề như Excel đánh số (mặc định: tự tìm)</translation>
        </message>
        <message>
            <source>upsert: add new people and update existing ones (default); insert: only add new ones; update: only update</source>
            <translation>upsert: thêm người mới và cập nhật người đã có (mặc định); insert: chỉ thêm mới; update: chỉ cập nhật</translation>
        </message>
        <message>
            <source>unit code for rows without a unit column</source>
            <translation>mã đơn vị cho các dòng không có cột đơn vị</translation>
        </message>
        <message>
            <source>dry run: check and report the result, write nothing</source>
            <translation>chạy thử: kiểm tra và báo kết quả, không ghi gì</translation>
        </message>
        <message>
            <source>write the rows with errors (and their reasons) to this .xlsx file, to correct and import again</source>
            <translation>ghi các dòng lỗi (kèm lý do) ra tệp .xlsx này để sửa và nhập lại</translation>
        </message>
        <message>
            <source>only print the column mapping (JSON) and stop</source>
            <translation>chỉ in cách gán cột (JSON) rồi dừng</translation>
        </message>
        <message>
            <source>do not show progress</source>
            <translation>không in tiến độ</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>export the list of cadres to Excel (.xlsx) in a layout that can be imported again</source>
            <translation>xuất danh sách cán bộ ra Excel (.xlsx) theo mẫu nhập lại được</translation>
        </message>
        <message>
            <source>export the list to a .xlsx file (same columns as the import command)</source>
            <translation>xuất danh sách ra tệp .xlsx (cùng cột với lệnh nhập)</translation>
        </message>
        <message>
            <source>only the people found by this text</source>
            <translation>chỉ những người tìm thấy theo chuỗi này</translation>
        </message>
        <message>
            <source>unit code: only the people of that unit and its sub-units</source>
            <translation>mã đơn vị: chỉ người của đơn vị đó và các đơn vị trực thuộc</translation>
        </message>
        <message>
            <source>include the ethnicity and religion columns (sensitive information)</source>
            <translation>kèm cột dân tộc, tôn giáo (thông tin nhạy cảm)</translation>
        </message>
    </context>
    <context>
        <name>cli.main</name>
        <message>
            <source>Initialised the database for “{unit_name}” ({unit_code}) at {display}.</source>
            <translation>Đã khởi tạo cơ sở dữ liệu cho “{unit_name}” ({unit_code}) tại {display}.</translation>
        </message>
        <message>
            <source>Created the demo data: {cadres} cadres, {units} units, in {seconds:.1f} seconds.</source>
            <translation>Đã tạo dữ liệu mẫu: {cadres} cán bộ, {units} đơn vị, trong {seconds:.1f} giây.</translation>
        </message>
        <message>
            <source>Nobody found.</source>
            <translation>Không tìm thấy ai.</translation>
        </message>
        <message>
            <source>The sex must be M (male) or F (female).</source>
            <translation>Giới tính phải là M (nam) hoặc F (nữ).</translation>
        </message>
        <message>
            <source>date of birth</source>
            <translation>ngày sinh</translation>
        </message>
        <message>
            <source>Retirement: {retirement_date:%d/%m/%Y} (at {age_years} years {age_months} months); pension from {pension_start:%d/%m/%Y}.</source>
            <translation>Nghỉ hưu: {retirement_date:%d/%m/%Y} (đủ {age_years} tuổi {age_months} tháng); hưởng lương hưu từ {pension_start:%d/%m/%Y}.</translation>
        </message>
        <message>
            <source>date</source>
            <translation>ngày</translation>
        </message>
        <message>
            <source>Cán bộ Desktop — command-line interface</source>
            <translation>Cán bộ Desktop — giao diện dòng lệnh</translation>
        </message>
        <message>
            <source>SQLite file path or URL (default: the CANBO_DB variable or the file in the data folder)</source>
            <translation>đường dẫn tệp SQLite hoặc URL (mặc định: biến CANBO_DB hoặc tệp trong thư mục dữ liệu)</translation>
        </message>
        <message>
            <source>user name (default: the CANBO_USER variable)</source>
            <translation>tên người dùng (mặc định: biến CANBO_USER)</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>initialise the database for this unit</source>
            <translation>khởi tạo cơ sở dữ liệu cho đơn vị này</translation>
        </message>
        <message>
            <source>create a demo database (a district of ~2,000 or a province of 100,000 cadres)</source>
            <translation>tạo cơ sở dữ liệu mẫu (huyện ~2.000 hoặc tỉnh 100.000 cán bộ)</translation>
        </message>
        <message>
            <source>number of records in each table</source>
            <translation>số bản ghi của từng bảng</translation>
        </message>
        <message>
            <source>check integrity, foreign keys, search indexes and the schema version</source>
            <translation>kiểm tra toàn vẹn, khoá ngoại, chỉ mục tìm kiếm và phiên bản lược đồ</translation>
        </message>
        <message>
            <source>things due: retirement, end of term, salary raise, evaluation, replacement…</source>
            <translation>việc đến hạn: nghỉ hưu, hết nhiệm kỳ, nâng lương, đánh giá, thay thế…</translation>
        </message>
        <message>
            <source>computed on the date (YYYY-MM-DD; default today)</source>
            <translation>tính vào ngày (YYYY-MM-DD; mặc định hôm nay)</translation>
        </message>
        <message>
            <source>compute with the rules in force</source>
            <translation>tính theo quy định đang áp dụng</translation>
        </message>
        <message>
            <source>retirement date under the Labour Code 2019 art. 169 and ND 135/2020/NĐ-CP</source>
            <translation>thời điểm nghỉ hưu theo BLLĐ 2019 Đ.169 và NĐ 135/2020/NĐ-CP</translation>
        </message>
        <message>
            <source>M (male) or F (female)</source>
            <translation>M (nam) hoặc F (nữ)</translation>
        </message>
        <message>
            <source>date of birth YYYY-MM-DD, or YYYY-MM, or only the year YYYY</source>
            <translation>ngày sinh YYYY-MM-DD, hoặc YYYY-MM, hoặc chỉ năm YYYY</translation>
        </message>
        <message>
            <source>look up cadres</source>
            <translation>tra cứu cán bộ</translation>
        </message>
        <message>
            <source>search by name (with or without diacritics), CCCD, phone, year of birth…</source>
            <translation>tìm theo tên (có dấu hoặc không dấu), CCCD, điện thoại, năm sinh…</translation>
        </message>
        <message>
            <source>a person's whole record</source>
            <translation>toàn bộ hồ sơ một người</translation>
        </message>
        <message>
            <source>Error: {exc}
</source>
            <translation>Lỗi: {exc}
</translation>
        </message>
        <message>
            <source>Error: {message}
</source>
            <translation>Lỗi: {message}
</translation>
        </message>
        <message>
            <source>Stopped on request.
</source>
            <translation>Đã dừng theo yêu cầu.
</translation>
        </message>
    </context>
    <context>
        <name>cli.reports</name>
        <message>
            <source>{option} «{path}» is a folder; a {suffix} file path is needed.</source>
            <translation>{option} «{path}» là một thư mục; cần đường dẫn tệp {suffix}.</translation>
        </message>
        <message>
            <source>The folder «{parent}» does not exist.</source>
            <translation>Thư mục «{parent}» không tồn tại.</translation>
        </message>
        <message>
            <source>{option}: the file must end in {suffix} («{path}»).</source>
            <translation>{option}: tệp phải có đuôi {suffix} («{path}»).</translation>
        </message>
        <message>
            <source>report date</source>
            <translation>ngày tính báo cáo</translation>
        </message>
        <message>
            <source>The report date {at:%d/%m/%Y} is in the future: it can only be computed up to today.</source>
            <translation>Ngày tính báo cáo {at:%d/%m/%Y} ở tương lai: chỉ tính được đến hôm nay.</translation>
        </message>
        <message>
            <source>--depth must be a non-negative number.</source>
            <translation>--depth phải là số không âm.</translation>
        </message>
        <message>
            <source>--trend must be a non-negative number of years.</source>
            <translation>--trend phải là số năm không âm.</translation>
        </message>
        <message>
            <source>PDF report of {pages} pages.</source>
            <translation>Báo cáo PDF {pages} trang.</translation>
        </message>
        <message>
            <source>{name} ({code}) — on {at:%d/%m/%Y} (rebuilt from the history)</source>
            <translation>{name} ({code}) — ngày {at:%d/%m/%Y} (dựng lại từ lịch sử)</translation>
        </message>
        <message>
            <source>{name} ({code}) — on {at:%d/%m/%Y}</source>
            <translation>{name} ({code}) — ngày {at:%d/%m/%Y}</translation>
        </message>
        <message>
            <source>Wrote {path}.</source>
            <translation>Đã ghi {path}.</translation>
        </message>
        <message>
            <source>{title} — {name}, on {at:%d/%m/%Y}</source>
            <translation>{title} — {name}, ngày {at:%d/%m/%Y}</translation>
        </message>
        <message>
            <source>{count} people. Wrote {path}.</source>
            <translation>{count} người. Đã ghi {path}.</translation>
        </message>
        <message>
            <source>{count} people.</source>
            <translation>{count} người.</translation>
        </message>
        <message>
            <source>reports: staff structure targets, numbers and quality statistics</source>
            <translation>báo cáo: chỉ tiêu cơ cấu đội ngũ, thống kê số lượng, chất lượng</translation>
        </message>
        <message>
            <source>unit code (default: the unit of this database)</source>
            <translation>mã đơn vị (mặc định: đơn vị của cơ sở dữ liệu này)</translation>
        </message>
        <message>
            <source>compute at a past date (YYYY-MM-DD or dd/mm/yyyy; default today)</source>
            <translation>tính tại ngày đã qua (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>write to an Excel file (.xlsx)</source>
            <translation>ghi ra tệp Excel (.xlsx)</translation>
        </message>
        <message>
            <source>write to a PDF file</source>
            <translation>ghi ra tệp PDF</translation>
        </message>
        <message>
            <source>name of the reporting agency printed at the top of the document (default: the unit name)</source>
            <translation>tên cơ quan báo cáo in ở đầu văn bản (mặc định: tên đơn vị)</translation>
        </message>
        <message>
            <source>staff structure targets of the unit and of each sub-unit</source>
            <translation>chỉ tiêu cơ cấu đội ngũ của đơn vị và từng đơn vị trực thuộc</translation>
        </message>
        <message>
            <source>number of sub-unit levels included (default: all)</source>
            <translation>số cấp đơn vị trực thuộc đưa vào (mặc định: tất cả)</translation>
        </message>
        <message>
            <source>number of years of trend in the Excel/PDF file (0: none; default 5)</source>
            <translation>số năm diễn biến trong tệp Excel/PDF (0: không; mặc định 5)</translation>
        </message>
        <message>
            <source>numbers and quality statistics by unit: sex, age, ethnicity, religion, grade, qualification, political theory, state management, Party members</source>
            <translation>thống kê số lượng, chất lượng theo đơn vị: giới tính, độ tuổi, dân tộc, tôn giáo, ngạch, trình độ, lý luận chính trị, quản lý nhà nước, đảng viên</translation>
        </message>
        <message>
            <source>number of sub-unit levels as rows (default 1)</source>
            <translation>số cấp đơn vị trực thuộc thành dòng (mặc định 1)</translation>
        </message>
        <message>
            <source>the list of people behind a figure of a target</source>
            <translation>danh sách người đứng sau một số liệu của chỉ tiêu</translation>
        </message>
        <message>
            <source>target code (e.g. can_bo_nu; see «canbo report targets --json»)</source>
            <translation>mã chỉ tiêu (ví dụ can_bo_nu; xem «canbo report targets --json»)</translation>
        </message>
        <message>
            <source>numerator: met; denominator: in the denominator; not_met: not met; unknown: numerator data missing; excluded: denominator data missing</source>
            <translation>numerator: đạt; denominator: thuộc mẫu số; not_met: chưa đạt; unknown: thiếu dữ liệu tử số; excluded: thiếu dữ liệu mẫu số</translation>
        </message>
    </context>
    <context>
        <name>cli.sync</name>
        <message>
            <source>Cannot read the passphrase file “{passphrase_file}”: {strerror}.</source>
            <translation>Không đọc được tệp cụm mật khẩu “{passphrase_file}”: {strerror}.</translation>
        </message>
        <message>
            <source>No sync key passphrase: use --passphrase-file, the CANBO_SYNC_PASSPHRASE variable, or run in a terminal window to type it.</source>
            <translation>Chưa có cụm mật khẩu khoá đồng bộ: dùng --passphrase-file, biến CANBO_SYNC_PASSPHRASE, hoặc chạy trong cửa sổ dòng lệnh để nhập.</translation>
        </message>
        <message>
            <source>Sync key passphrase: </source>
            <translation>Cụm mật khẩu khoá đồng bộ: </translation>
        </message>
        <message>
            <source>Repeat the passphrase: </source>
            <translation>Nhập lại cụm mật khẩu: </translation>
        </message>
        <message>
            <source>The two passphrases do not match.</source>
            <translation>Hai lần nhập cụm mật khẩu không khớp.</translation>
        </message>
        <message>
            <source>Created the sync keys for {unit_name}. Fingerprint: {fingerprint}</source>
            <translation>Đã tạo khoá đồng bộ cho {unit_name}. Dấu vân tay: {fingerprint}</translation>
        </message>
        <message>
            <source>Wrote the keys package “{path}”. Fingerprint to read out to the other unit: {fingerprint}</source>
            <translation>Đã ghi gói khoá “{path}”. Dấu vân tay để đọc cho đơn vị kia: {fingerprint}</translation>
        </message>
        <message>
            <source>Registered {unit_name} ({unit_code}) as the parent unit. Compare the fingerprint with the other unit: {fingerprint}</source>
            <translation>Đã đăng ký {unit_name} ({unit_code}) làm cấp trên. Hãy so dấu vân tay với đơn vị kia: {fingerprint}</translation>
        </message>
        <message>
            <source>Registered {unit_name} ({unit_code}) as a child unit. Compare the fingerprint with the other unit: {fingerprint}</source>
            <translation>Đã đăng ký {unit_name} ({unit_code}) làm cấp dưới. Hãy so dấu vân tay với đơn vị kia: {fingerprint}</translation>
        </message>
        <message>
            <source>Registered {unit_name} ({unit_code}) as the recovery key. Compare the fingerprint with the other unit: {fingerprint}</source>
            <translation>Đã đăng ký {unit_name} ({unit_code}) làm khoá khôi phục. Hãy so dấu vân tay với đơn vị kia: {fingerprint}</translation>
        </message>
        <message>
            <source>The unit has no sync keys yet: run “canbo sync keys init”.</source>
            <translation>Đơn vị chưa có khoá đồng bộ: chạy “canbo sync keys init”.</translation>
        </message>
        <message>
            <source>Acknowledgement package: {ack_path}</source>
            <translation>Gói xác nhận: {ack_path}</translation>
        </message>
        <message>
            <source>Error: {reason}
</source>
            <translation>Lỗi: {reason}
</translation>
        </message>
        <message>
            <source>Wrote the acknowledgement package “{path}”.</source>
            <translation>Đã ghi gói xác nhận “{path}”.</translation>
        </message>
        <message>
            <source>{count} conflicts</source>
            <translation>{count} xung đột</translation>
        </message>
        <message>
            <source>USB synchronisation: keys, export, import, conflicts, code lists</source>
            <translation>đồng bộ bằng USB: khoá, xuất, nhập, xung đột, danh mục</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>file holding the sync key passphrase</source>
            <translation>tệp chứa cụm mật khẩu khoá đồng bộ</translation>
        </message>
        <message>
            <source>the unit's sync keys and the key exchange</source>
            <translation>khoá đồng bộ của đơn vị và trao đổi khoá</translation>
        </message>
        <message>
            <source>create the unit's sync keys</source>
            <translation>tạo khoá đồng bộ của đơn vị</translation>
        </message>
        <message>
            <source>replace the existing keys (the other units must import the keys package again)</source>
            <translation>thay khoá đã có (các đơn vị khác phải nhập lại gói khoá)</translation>
        </message>
        <message>
            <source>write the unit's public keys package</source>
            <translation>ghi gói khoá công khai của đơn vị</translation>
        </message>
        <message>
            <source>folder to write to (USB)</source>
            <translation>thư mục ghi (USB)</translation>
        </message>
        <message>
            <source>import the keys package of the parent, a child unit or the recovery key</source>
            <translation>nhập gói khoá của cấp trên, cấp dưới hoặc khoá khôi phục</translation>
        </message>
        <message>
            <source>key fingerprints of the unit and of the registered units</source>
            <translation>dấu vân tay khoá của đơn vị và các đơn vị đã đăng ký</translation>
        </message>
        <message>
            <source>export a data package for the parent unit</source>
            <translation>xuất gói dữ liệu gửi cấp trên</translation>
        </message>
        <message>
            <source>receiving unit (unit code or node ID; default: the parent)</source>
            <translation>đơn vị nhận (mã đơn vị hoặc mã nút; mặc định: cấp trên)</translation>
        </message>
        <message>
            <source>a full package instead of only the changes</source>
            <translation>gói đầy đủ thay vì chỉ các thay đổi</translation>
        </message>
        <message>
            <source>import a data, acknowledgement or code-list package</source>
            <translation>nhập gói dữ liệu, gói xác nhận hoặc gói danh mục</translation>
        </message>
        <message>
            <source>only check and preview, write nothing</source>
            <translation>chỉ kiểm tra và xem trước, không ghi gì</translation>
        </message>
        <message>
            <source>merge the conflicts on different fields (marked for review)</source>
            <translation>gộp các xung đột khác trường (đánh dấu để xem lại)</translation>
        </message>
        <message>
            <source>where to write the acknowledgement package (default: beside the package file)</source>
            <translation>nơi ghi gói xác nhận (mặc định: cạnh tệp gói)</translation>
        </message>
        <message>
            <source>write the acknowledgement package for a child unit again</source>
            <translation>ghi lại gói xác nhận cho một đơn vị cấp dưới</translation>
        </message>
        <message>
            <source>list of conflicts; resolve a conflict</source>
            <translation>danh sách xung đột; xử lý một xung đột</translation>
        </message>
        <message>
            <source>also the resolved and merged conflicts</source>
            <translation>cả xung đột đã xử lý và đã gộp</translation>
        </message>
        <message>
            <source>ID of the conflict to resolve</source>
            <translation>mã xung đột cần xử lý</translation>
        </message>
        <message>
            <source>FIELD=VALUE</source>
            <translation>TRƯỜNG=GIÁ_TRỊ</translation>
        </message>
        <message>
            <source>corrected values (with --choice edit)</source>
            <translation>giá trị sửa (với --choice edit)</translation>
        </message>
        <message>
            <source>code-list package sent down to child units</source>
            <translation>gói danh mục gửi xuống cấp dưới</translation>
        </message>
        <message>
            <source>export the code-list package (rules, code lists, grades, titles, organisation tree)</source>
            <translation>xuất gói danh mục (quy định, danh mục, ngạch, chức danh, cây tổ chức)</translation>
        </message>
        <message>
            <source>child unit (unit code or node ID)</source>
            <translation>đơn vị cấp dưới (mã đơn vị hoặc mã nút)</translation>
        </message>
        <message>
            <source>import the parent's code-list package (like sync import)</source>
            <translation>nhập gói danh mục của cấp trên (như sync import)</translation>
        </message>
    </context>
    <context>
        <name>cli.workflow</name>
        <message>
            <source>met</source>
            <translation>đạt</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>không đạt</translation>
        </message>
        <message>
            <source>undetermined</source>
            <translation>chưa xác định</translation>
        </message>
        <message>
            <source>special case</source>
            <translation>trường hợp đặc biệt</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>Đủ điều kiện</translation>
        </message>
        <message>
            <source>Not eligible</source>
            <translation>Không đủ điều kiện</translation>
        </message>
        <message>
            <source>Not enough information to conclude</source>
            <translation>Chưa đủ thông tin để kết luận</translation>
        </message>
        <message>
            <source>first appointment</source>
            <translation>bổ nhiệm lần đầu</translation>
        </message>
        <message>
            <source>appointment to a higher post</source>
            <translation>bổ nhiệm chức vụ cao hơn</translation>
        </message>
        <message>
            <source>appointment to an equivalent post</source>
            <translation>bổ nhiệm chức vụ tương đương</translation>
        </message>
        <message>
            <source>appointment to a lower post</source>
            <translation>bổ nhiệm chức vụ thấp hơn</translation>
        </message>
        <message>
            <source>kind of appointment undetermined</source>
            <translation>chưa xác định loại bổ nhiệm</translation>
        </message>
        <message>
            <source>date considered</source>
            <translation>ngày xét</translation>
        </message>
        <message>
            <source>{name} — {title} — on {at} ({kind}): {overall}</source>
            <translation>{name} — {title} — ngày {at} ({kind}): {overall}</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>không áp dụng</translation>
        </message>
        <message>
            <source>      Basis: {legal_source}</source>
            <translation>      Căn cứ: {legal_source}</translation>
        </message>
        <message>
            <source>No procedures yet.</source>
            <translation>Chưa có quy trình nào.</translation>
        </message>
        <message>
            <source>present</source>
            <translation>có</translation>
        </message>
        <message>
            <source>MISSING</source>
            <translation>THIẾU</translation>
        </message>
        <message>
            <source>not required</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <source>Unit «{unit}» has no evaluation round for {year}.</source>
            <translation>Đơn vị mã «{unit}» chưa có đợt đánh giá năm {year}.</translation>
        </message>
        <message>
            <source>{unit_name} — year {year} — {regime_label} — {status_label}</source>
            <translation>{unit_name} — năm {year} — {regime_label} — {status_label}</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(đã đưa ra)</translation>
        </message>
        <message>
            <source>Nobody in this planning list.</source>
            <translation>Không có ai trong danh sách quy hoạch này.</translation>
        </message>
        <message>
            <source>appointment: conditions, procedures</source>
            <translation>bổ nhiệm: điều kiện, quy trình</translation>
        </message>
        <message>
            <source>check the conditions for appointing a person to a title</source>
            <translation>kiểm tra điều kiện bổ nhiệm một người vào một chức danh</translation>
        </message>
        <message>
            <source>cadre record ID</source>
            <translation>mã hồ sơ cán bộ</translation>
        </message>
        <message>
            <source>title code (list of titles)</source>
            <translation>mã chức danh (danh mục chức danh)</translation>
        </message>
        <message>
            <source>planned appointment date (YYYY-MM-DD or dd/mm/yyyy; default today)</source>
            <translation>ngày dự kiến bổ nhiệm (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)</translation>
        </message>
        <message>
            <source>print the result as JSON</source>
            <translation>in kết quả dạng JSON</translation>
        </message>
        <message>
            <source>the appointment, reappointment and dismissal procedures</source>
            <translation>các quy trình bổ nhiệm, bổ nhiệm lại, miễn nhiệm</translation>
        </message>
        <message>
            <source>a procedure: its steps, dossier, conditions, what is still blocking</source>
            <translation>một quy trình: các bước, hồ sơ, điều kiện, việc còn vướng</translation>
        </message>
        <message>
            <source>date considered (default today)</source>
            <translation>ngày xét (mặc định hôm nay)</translation>
        </message>
        <message>
            <source>evaluation and quality rating</source>
            <translation>đánh giá, xếp loại chất lượng</translation>
        </message>
        <message>
            <source>the results of a unit's evaluation round</source>
            <translation>kết quả một đợt đánh giá của đơn vị</translation>
        </message>
        <message>
            <source>unit code</source>
            <translation>mã đơn vị</translation>
        </message>
        <message>
            <source>evaluation year</source>
            <translation>năm đánh giá</translation>
        </message>
        <message>
            <source>cadre planning</source>
            <translation>quy hoạch cán bộ</translation>
        </message>
        <message>
            <source>the planning list with the conditions not met</source>
            <translation>danh sách quy hoạch với các điều kiện chưa đạt</translation>
        </message>
        <message>
            <source>term, e.g. 2026-2031</source>
            <translation>nhiệm kỳ, ví dụ 2026-2031</translation>
        </message>
        <message>
            <source>title code</source>
            <translation>mã chức danh</translation>
        </message>
        <message>
            <source>date considered for the conditions (default today)</source>
            <translation>ngày xét điều kiện (mặc định hôm nay)</translation>
        </message>
        <message>
            <source>also the people removed from the planning</source>
            <translation>cả những người đã đưa ra khỏi quy hoạch</translation>
        </message>
    </context>
    <context>
        <name>db.documents</name>
        <message>
            <source>No appointment procedure with the code “{procedure_id}” was found.</source>
            <translation>Không tìm thấy quy trình bổ nhiệm có mã “{procedure_id}”.</translation>
        </message>
        <message>
            <source>There is no unit with the code «{code}».</source>
            <translation>Không có đơn vị mã «{code}».</translation>
        </message>
        <message>
            <source>Unit “{unit_id}” not found.</source>
            <translation>Không tìm thấy đơn vị “{unit_id}”.</translation>
        </message>
        <message>
            <source>Invalid document type symbol.</source>
            <translation>Ký hiệu loại văn bản không hợp lệ.</translation>
        </message>
        <message>
            <source>Issuing body “{issuer_unit_id}” not found.</source>
            <translation>Không tìm thấy cơ quan ban hành “{issuer_unit_id}”.</translation>
        </message>
    </context>
    <context>
        <name>db.engine</name>
        <message>
            <source>No database given (use --db or the CANBO_DB environment variable).</source>
            <translation>Chưa chỉ định cơ sở dữ liệu (dùng --db hoặc biến môi trường CANBO_DB).</translation>
        </message>
        <message>
            <source>The database address “{target}” is not valid. Correct examples: sqlite:///C:/canbo/canbo.db or postgresql+psycopg://user@server:5432/canbo</source>
            <translation>Địa chỉ cơ sở dữ liệu “{target}” không hợp lệ. Ví dụ đúng: sqlite:///C:/canbo/canbo.db hoặc postgresql+psycopg://nguoidung@may-chu:5432/canbo</translation>
        </message>
        <message>
            <source>Database type “{backend}” is not supported (only SQLite or PostgreSQL).</source>
            <translation>Không hỗ trợ loại cơ sở dữ liệu “{backend}” (chỉ SQLite hoặc PostgreSQL).</translation>
        </message>
        <message>
            <source>The PostgreSQL address “{target}” lacks the database name.</source>
            <translation>Địa chỉ PostgreSQL “{target}” thiếu tên cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>An SQLite database must be a file (not an in-memory database).</source>
            <translation>Cơ sở dữ liệu SQLite phải là một tệp (không dùng bộ nhớ tạm).</translation>
        </message>
        <message>
            <source>The folder “{folder}” does not exist. Create the folder first or choose another path.</source>
            <translation>Thư mục “{folder}” không tồn tại. Hãy tạo thư mục trước hoặc chọn đường dẫn khác.</translation>
        </message>
        <message>
            <source>Database file “{path}” not found.</source>
            <translation>Không tìm thấy tệp cơ sở dữ liệu “{path}”.</translation>
        </message>
        <message>
            <source>No permission to read the file “{path}”.</source>
            <translation>Không có quyền đọc tệp “{path}”.</translation>
        </message>
        <message>
            <source>The PostgreSQL driver (psycopg) is not installed. Install it with: pip install 'canbo-desktop[postgres]'.</source>
            <translation>Chưa cài trình điều khiển PostgreSQL (psycopg). Cài bằng: pip install 'canbo-desktop[postgres]'.</translation>
        </message>
        <message>
            <source>The database is locked by another program (perhaps another Cán bộ Desktop window is writing). Close that program and try again.</source>
            <translation>Cơ sở dữ liệu đang bị khoá bởi một chương trình khác (có thể một cửa sổ Cán bộ Desktop khác đang ghi). Hãy đóng chương trình đó rồi thử lại.</translation>
        </message>
        <message>
            <source>The file “{target}” is not a Cán bộ Desktop database or it is damaged.</source>
            <translation>Tệp “{target}” không phải là cơ sở dữ liệu Cán bộ Desktop hoặc đã bị hỏng.</translation>
        </message>
        <message>
            <source>Cannot write to “{target}” (the file or folder is read-only).</source>
            <translation>Không ghi được vào “{target}” (tệp hoặc thư mục chỉ đọc).</translation>
        </message>
        <message>
            <source>Cannot open the database file “{target}”.</source>
            <translation>Không mở được tệp cơ sở dữ liệu “{target}”.</translation>
        </message>
        <message>
            <source>Cannot connect to the database server: {exc}</source>
            <translation>Không kết nối được tới máy chủ cơ sở dữ liệu: {exc}</translation>
        </message>
        <message>
            <source>Database error: {exc}</source>
            <translation>Lỗi cơ sở dữ liệu: {exc}</translation>
        </message>
    </context>
    <context>
        <name>db.migrate</name>
        <message>
            <source>This database was created by a newer version of Cán bộ Desktop (schema {cur}). Update the program; the data has not been changed.</source>
            <translation>Cơ sở dữ liệu này được tạo bởi phiên bản Cán bộ Desktop mới hơn (lược đồ {cur}). Hãy cập nhật chương trình; dữ liệu không bị thay đổi.</translation>
        </message>
        <message>
            <source>This file is an SQLite database but not a Cán bộ Desktop one; the program does not modify it.</source>
            <translation>Tệp này là một cơ sở dữ liệu SQLite nhưng không phải của Cán bộ Desktop; chương trình không sửa nó.</translation>
        </message>
    </context>
    <context>
        <name>db.reports</name>
        <message>
            <source>Unit «{unit}» not found.</source>
            <translation>Không tìm thấy đơn vị «{unit}».</translation>
        </message>
        <message>
            <source>There is no part «{part}» (use: numerator, denominator, not_met, unknown, excluded).</source>
            <translation>Không có phần «{part}» (dùng: numerator, denominator, not_met, unknown, excluded).</translation>
        </message>
    </context>
    <context>
        <name>db.repositories</name>
        <message>
            <source>Unit “{unit_id}” not found.</source>
            <translation>Không tìm thấy đơn vị “{unit_id}”.</translation>
        </message>
        <message>
            <source>No person with the id “{cadre_id}”.</source>
            <translation>Không tìm thấy cán bộ có mã “{cadre_id}”.</translation>
        </message>
        <message>
            <source>This version of the rule was not found.</source>
            <translation>Không tìm thấy phiên bản quy định này.</translation>
        </message>
    </context>
    <context>
        <name>db.workflow</name>
        <message>
            <source>Evaluation round not found.</source>
            <translation>Không tìm thấy đợt đánh giá.</translation>
        </message>
        <message>
            <source>This person's evaluation was not found.</source>
            <translation>Không tìm thấy kết quả đánh giá của người này.</translation>
        </message>
        <message>
            <source>This work product was not found.</source>
            <translation>Không tìm thấy sản phẩm này.</translation>
        </message>
        <message>
            <source>Confidence vote not found.</source>
            <translation>Không tìm thấy cuộc lấy phiếu tín nhiệm.</translation>
        </message>
        <message>
            <source>Planning entry not found.</source>
            <translation>Không tìm thấy mục quy hoạch.</translation>
        </message>
        <message>
            <source>Training course not found.</source>
            <translation>Không tìm thấy khoá đào tạo, bồi dưỡng.</translation>
        </message>
        <message>
            <source>This trainee is not in the course.</source>
            <translation>Không tìm thấy người học trong khoá này.</translation>
        </message>
        <message>
            <source>This appointment procedure was not found.</source>
            <translation>Không tìm thấy quy trình bổ nhiệm này.</translation>
        </message>
    </context>
    <context>
        <name>domain.access</name>
        <message>
            <source>view</source>
            <translation>xem</translation>
        </message>
        <message>
            <source>change</source>
            <translation>thay đổi</translation>
        </message>
        <message>
            <source>approve, sign</source>
            <translation>phê duyệt, ký</translation>
        </message>
        <message>
            <source>export data</source>
            <translation>xuất dữ liệu</translation>
        </message>
        <message>
            <source>print</source>
            <translation>in</translation>
        </message>
        <message>
            <source>synchronise</source>
            <translation>đồng bộ</translation>
        </message>
        <message>
            <source>delete permanently</source>
            <translation>xoá vĩnh viễn</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>quản lý người dùng</translation>
        </message>
        <message>
            <source>edit code lists, rules and the organisation structure</source>
            <translation>sửa danh mục, quy định và cơ cấu tổ chức</translation>
        </message>
        <message>
            <source>Account “{user}” is locked: it may not {action}.</source>
            <translation>Tài khoản “{user}” đã bị khoá: không được {action}.</translation>
        </message>
        <message>
            <source>You may not {action}: account “{user}” has the role «{role}».</source>
            <translation>Bạn không có quyền {action}: tài khoản “{user}” có vai trò «{role}».</translation>
        </message>
        <message>
            <source>You may not {action} the records and data of unit “{unit}” (your scope: {scope}).</source>
            <translation>Bạn không có quyền {action} hồ sơ, dữ liệu của đơn vị “{unit}” (phạm vi của anh/chị: {scope}).</translation>
        </message>
        <message>
            <source>You may not {action} the records and data of unit “{unit}”.</source>
            <translation>Bạn không có quyền {action} hồ sơ, dữ liệu của đơn vị “{unit}”.</translation>
        </message>
        <message>
            <source>You may not {action} the records and data of this unit (your scope: {scope}).</source>
            <translation>Bạn không có quyền {action} hồ sơ, dữ liệu của đơn vị này (phạm vi của anh/chị: {scope}).</translation>
        </message>
        <message>
            <source>You may not {action} the records and data of this unit.</source>
            <translation>Bạn không có quyền {action} hồ sơ, dữ liệu của đơn vị này.</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
        <message>
            <source>Head (head of office)</source>
            <translation>Lãnh đạo (trưởng phòng)</translation>
        </message>
        <message>
            <source>Specialist</source>
            <translation>Chuyên viên</translation>
        </message>
        <message>
            <source>View only</source>
            <translation>Chỉ xem</translation>
        </message>
        <message>
            <source>The password must have at least 8 characters.</source>
            <translation>Mật khẩu phải có ít nhất 8 ký tự.</translation>
        </message>
        <message>
            <source>The password must not be the same as the user name.</source>
            <translation>Mật khẩu không được trùng tên đăng nhập.</translation>
        </message>
    </context>
    <context>
        <name>domain.cadre</name>
        <message>
            <source>Enter the full name.</source>
            <translation>Nhập họ và tên.</translation>
        </message>
        <message>
            <source>Choose the sex.</source>
            <translation>Chọn giới tính.</translation>
        </message>
        <message>
            <source>Choose the managing unit.</source>
            <translation>Chọn đơn vị quản lý, sử dụng.</translation>
        </message>
        <message>
            <source>Enter the date of birth (or at least the year of birth).</source>
            <translation>Nhập ngày sinh (hoặc ít nhất năm sinh).</translation>
        </message>
        <message>
            <source>Year of birth {year} is not plausible for a cadre still managed.</source>
            <translation>Năm sinh {year} không hợp lý cho một cán bộ đang quản lý.</translation>
        </message>
        <message>
            <source>The email address is not valid.</source>
            <translation>Địa chỉ thư điện tử không hợp lệ.</translation>
        </message>
        <message>
            <source>Recruitment date</source>
            <translation>Ngày tuyển dụng</translation>
        </message>
        <message>
            <source>Party admission date</source>
            <translation>Ngày vào Đảng</translation>
        </message>
        <message>
            <source>Official membership date</source>
            <translation>Ngày chính thức</translation>
        </message>
        <message>
            <source>ID card issue date</source>
            <translation>Ngày cấp CCCD</translation>
        </message>
        <message>
            <source>{label} cannot be in the future.</source>
            <translation>{label} không thể ở tương lai.</translation>
        </message>
        <message>
            <source>{label} must be after the date of birth.</source>
            <translation>{label} phải sau ngày sinh.</translation>
        </message>
        <message>
            <source>The official membership date must be after the Party admission date.</source>
            <translation>Ngày chính thức phải sau ngày vào Đảng.</translation>
        </message>
        <message>
            <source>The discharge date must be after the enlistment date.</source>
            <translation>Ngày xuất ngũ phải sau ngày nhập ngũ.</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Chiều cao</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Cân nặng</translation>
        </message>
        <message>
            <source>{label} {value} is not plausible.</source>
            <translation>{label} {value} không hợp lý.</translation>
        </message>
        <message>
            <source>The salary step must be between 1 and 20.</source>
            <translation>Bậc lương phải từ 1 đến 20.</translation>
        </message>
    </context>
    <context>
        <name>domain.dates</name>
        <message>
            <source>Year {year} is not valid (it must be between {MIN_YEAR} and {MAX_YEAR}).</source>
            <translation>Năm {year} không hợp lệ (phải trong khoảng {MIN_YEAR}–{MAX_YEAR}).</translation>
        </message>
        <message>
            <source>Month {month} is not valid.</source>
            <translation>Tháng {month} không hợp lệ.</translation>
        </message>
        <message>
            <source>A day is given but the month is missing.</source>
            <translation>Có ngày nhưng thiếu tháng.</translation>
        </message>
        <message>
            <source>The date {day}/{month:02d}/{year} does not exist in the calendar.</source>
            <translation>Ngày {day}/{month:02d}/{year} không có trong lịch.</translation>
        </message>
        <message>
            <source>“{text}” is not a valid date (write dd/mm/yyyy, mm/yyyy or yyyy).</source>
            <translation>“{text}” không phải là ngày hợp lệ (viết dd/mm/yyyy, mm/yyyy hoặc yyyy).</translation>
        </message>
        <message>
            <source>“{text}” lacks the day or the month (dd/mm/yyyy is needed).</source>
            <translation>“{text}” thiếu ngày hoặc tháng (cần dd/mm/yyyy).</translation>
        </message>
    </context>
    <context>
        <name>domain.decisions</name>
        <message>
            <source>Choose the decision type.</source>
            <translation>Chọn loại quyết định.</translation>
        </message>
        <message>
            <source>Enter the decision number (e.g. 12/QĐ-UBND).</source>
            <translation>Nhập số quyết định (ví dụ 12/QĐ-UBND).</translation>
        </message>
        <message>
            <source>Enter the effective date.</source>
            <translation>Nhập ngày có hiệu lực.</translation>
        </message>
        <message>
            <source>The effective date is more than a year before the signing date: check it.</source>
            <translation>Ngày hiệu lực sớm hơn ngày ký quá một năm: kiểm tra lại.</translation>
        </message>
        <message>
            <source>Enter the issuing body.</source>
            <translation>Nhập cơ quan ban hành.</translation>
        </message>
        <message>
            <source>Choose the destination unit.</source>
            <translation>Chọn đơn vị chuyển đến.</translation>
        </message>
        <message>
            <source>Enter the position appointed to.</source>
            <translation>Nhập chức vụ được bổ nhiệm.</translation>
        </message>
        <message>
            <source>Enter the new salary step and coefficient.</source>
            <translation>Nhập bậc và hệ số lương mới.</translation>
        </message>
        <message>
            <source>Choose the new grade.</source>
            <translation>Chọn ngạch mới.</translation>
        </message>
        <message>
            <source>The secondment end date must be after the effective date.</source>
            <translation>Ngày kết thúc biệt phái phải sau ngày có hiệu lực.</translation>
        </message>
        <message>
            <source>Choose the form of commendation / discipline.</source>
            <translation>Chọn hình thức khen thưởng / kỷ luật.</translation>
        </message>
        <message>
            <source>The decision lacks information: {problems}</source>
            <translation>Quyết định chưa đủ thông tin: {problems}</translation>
        </message>
    </context>
    <context>
        <name>domain.import_parse</name>
        <message>
            <source>Field “{label}” is chosen for several columns of the file.</source>
            <translation>Cột “{label}” được chọn cho nhiều cột của tệp.</translation>
        </message>
        <message>
            <source>There is no field “{k}”.</source>
            <translation>Không có trường “{k}”.</translation>
        </message>
        <message>
            <source>No full name column yet (or Given name column).</source>
            <translation>Chưa có cột họ và tên (hoặc cột Tên).</translation>
        </message>
        <message>
            <source>“{value}” is not a valid date (write dd/mm/yyyy, mm/yyyy or yyyy).</source>
            <translation>“{value}” không phải là ngày hợp lệ (viết dd/mm/yyyy, mm/yyyy hoặc yyyy).</translation>
        </message>
        <message>
            <source>“{value}”: the year must be written with 4 digits (dd/mm/yyyy).</source>
            <translation>“{value}”: năm phải viết đủ 4 chữ số (dd/mm/yyyy).</translation>
        </message>
        <message>
            <source>Sex “{value}” is unclear (write Nam or Nữ).</source>
            <translation>Giới tính “{value}” không rõ (ghi Nam hoặc Nữ).</translation>
        </message>
        <message>
            <source>“{value}” is not an integer.</source>
            <translation>“{value}” không phải là số nguyên.</translation>
        </message>
        <message>
            <source>“{value}” is not a number.</source>
            <translation>“{value}” không phải là số.</translation>
        </message>
        <message>
            <source>The CCCD number must have exactly 12 digits.</source>
            <translation>Số CCCD phải gồm đúng 12 chữ số.</translation>
        </message>
        <message>
            <source>The CCCD number was stored as a number in Excel: a leading 0 was added ({value}).</source>
            <translation>Số CCCD được lưu dạng số trong Excel: đã thêm số 0 ở đầu ({value}).</translation>
        </message>
        <message>
            <source>The cell holds a formula ({formula}): the program does not compute formulas. Paste the values into the cell (Paste Special → Values) and import again.</source>
            <translation>Ô chứa công thức ({formula}): phần mềm không tính công thức. Hãy dán giá trị vào ô (Dán đặc biệt → Giá trị) rồi nhập lại.</translation>
        </message>
        <message>
            <source>The cell has the Excel error “{code}”.</source>
            <translation>Ô có lỗi Excel “{code}”.</translation>
        </message>
        <message>
            <source>The full name “{text}” contains digits.</source>
            <translation>Họ tên “{text}” có chữ số.</translation>
        </message>
        <message>
            <source>The full name “{text}” contains characters that are not letters: {odd}</source>
            <translation>Họ tên “{text}” có ký tự không phải chữ cái: {odd}</translation>
        </message>
        <message>
            <source>Full name written all in capitals “{text}”: recorded as “{fixed}”.</source>
            <translation>Họ tên viết hoa toàn bộ “{text}”: ghi thành “{fixed}”.</translation>
        </message>
        <message>
            <source>The full name is longer than 160 characters.</source>
            <translation>Họ tên dài quá 160 ký tự.</translation>
        </message>
        <message>
            <source>The date of birth is written in both the Nam and the Nữ columns.</source>
            <translation>Ngày sinh được ghi ở cả hai cột Nam và Nữ.</translation>
        </message>
        <message>
            <source>The date of birth column (Nam/Nữ) does not match the sex column.</source>
            <translation>Cột ngày sinh (Nam/Nữ) không khớp với cột giới tính.</translation>
        </message>
        <message>
            <source>“{display}” lacks the day: recorded as {first_day}.</source>
            <translation>“{display}” thiếu ngày: ghi là {first_day}.</translation>
        </message>
        <message>
            <source>The sex column does not match the date of birth column (Nam/Nữ).</source>
            <translation>Cột giới tính không khớp với cột ngày sinh (Nam/Nữ).</translation>
        </message>
        <message>
            <source>The email address “{text}” is not valid.</source>
            <translation>Địa chỉ thư điện tử “{text}” không hợp lệ.</translation>
        </message>
        <message>
            <source>The content is longer than {MAX_TEXT} characters.</source>
            <translation>Nội dung dài quá {MAX_TEXT} ký tự.</translation>
        </message>
        <message>
            <source>“{text}” is not in the code list {label}.</source>
            <translation>“{text}” không có trong danh mục {label}.</translation>
        </message>
        <message>
            <source>“{text}”: level “{name}”, major “{rest}”.</source>
            <translation>“{text}”: trình độ “{name}”, chuyên ngành “{rest}”.</translation>
        </message>
        <message>
            <source>“{text}” is read as “{name}”.</source>
            <translation>“{text}” được hiểu là “{name}”.</translation>
        </message>
        <message>
            <source>The given name is missing (the Given name column is empty).</source>
            <translation>Thiếu tên (cột Tên để trống).</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.calendar</name>
        <message>
            <source>Rule «{RULE_KEY}»: «{name}» must be a list of dates written YYYY-MM-DD.</source>
            <translation>Quy định «{RULE_KEY}»: «{name}» phải là danh sách ngày dạng YYYY-MM-DD.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the date «{item}» in «{name}» is not valid (YYYY-MM-DD).</source>
            <translation>Quy định «{RULE_KEY}»: ngày «{item}» trong «{name}» không hợp lệ (dạng YYYY-MM-DD).</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «weekly_days_off» must be a list of numbers 0–6 (0 = Monday, 6 = Sunday).</source>
            <translation>Quy định «{RULE_KEY}»: «weekly_days_off» phải là danh sách số 0–6 (0 = thứ Hai, 6 = Chủ nhật).</translation>
        </message>
        <message>
            <source>The date is outside the range the calendar can compute.</source>
            <translation>Ngày nằm ngoài phạm vi lịch có thể tính.</translation>
        </message>
        <message>
            <source>The working calendar (rule «{RULE_KEY}») has no working day in more than {_MAX_NON_WORKING_RUN} days in a row; check the configured days off.</source>
            <translation>Lịch làm việc (quy định «{RULE_KEY}») không có ngày làm việc nào trong hơn {_MAX_NON_WORKING_RUN} ngày liên tiếp; kiểm tra lại ngày nghỉ đã cấu hình.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.core</name>
        <message>
            <source>No rule «{key}» applies on {day:02d}/{month:02d}/{year:04d}. An administrator must add it under Administration › Rules.</source>
            <translation>Chưa có quy định «{key}» áp dụng cho ngày {day:02d}/{month:02d}/{year:04d}. Quản trị viên cần bổ sung trong mục Quản trị › Quy định.</translation>
        </message>
        <message>
            <source>{what}: dates must be written YYYY-MM-DD.</source>
            <translation>{what}: ngày phải ghi dạng YYYY-MM-DD.</translation>
        </message>
        <message>
            <source>{what}: the date «{value}» is not valid (YYYY-MM-DD).</source>
            <translation>{what}: ngày «{value}» không hợp lệ (dạng YYYY-MM-DD).</translation>
        </message>
        <message>
            <source>The rule file lacks the key «key».</source>
            <translation>Tệp quy định thiếu khóa «key».</translation>
        </message>
        <message>
            <source>Rule «{key}»: the list of versions «versions» is missing.</source>
            <translation>Quy định «{key}»: thiếu danh sách phiên bản «versions».</translation>
        </message>
        <message>
            <source>Rule «{key}», version {i}: wrong format.</source>
            <translation>Quy định «{key}», phiên bản {i}: không đúng định dạng.</translation>
        </message>
        <message>
            <source>Rule «{key}», version {i}</source>
            <translation>Quy định «{key}», phiên bản {i}</translation>
        </message>
        <message>
            <source>Rule «{key}», version {i}: the effective date «valid_from» is missing.</source>
            <translation>Quy định «{key}», phiên bản {i}: thiếu ngày hiệu lực «valid_from».</translation>
        </message>
        <message>
            <source>Rule «{key}», version {i}: the expiry date is before the effective date.</source>
            <translation>Quy định «{key}», phiên bản {i}: ngày hết hiệu lực trước ngày hiệu lực.</translation>
        </message>
        <message>
            <source>Rule «{key}», version {i}: the parameters «params» are missing.</source>
            <translation>Quy định «{key}», phiên bản {i}: thiếu tham số «params».</translation>
        </message>
        <message>
            <source>Rule «{rule}»: «{what}» must be an integer.</source>
            <translation>Quy định «{rule}»: «{what}» phải là số nguyên.</translation>
        </message>
        <message>
            <source>Rule «{rule}»: «{what}» must be an integer ≥ {minimum}.</source>
            <translation>Quy định «{rule}»: «{what}» phải là số nguyên ≥ {minimum}.</translation>
        </message>
        <message>
            <source>Rule «{rule_key}»: «{key}» must be a table (code → value).</source>
            <translation>Quy định «{rule_key}»: «{key}» phải là một bảng (mã → giá trị).</translation>
        </message>
        <message>
            <source>Rule «{rule_key}»: «{key}» must be a list.</source>
            <translation>Quy định «{rule_key}»: «{key}» phải là một danh sách.</translation>
        </message>
        <message>
            <source>Rule «{rule_key}»: the parameter «{key}» is missing.</source>
            <translation>Quy định «{rule_key}»: thiếu tham số «{key}».</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.eligibility</name>
        <message>
            <source>Title «{code}»: the rank «rank» is missing.</source>
            <translation>Chức danh «{code}»: thiếu thứ bậc «rank».</translation>
        </message>
        <message>
            <source>Title «{code}»: the standards «standards» have the wrong format.</source>
            <translation>Chức danh «{code}»: tiêu chuẩn «standards» không đúng định dạng.</translation>
        </message>
        <message>
            <source>The code list lacks the list «items».</source>
            <translation>Danh mục thiếu danh sách «items».</translation>
        </message>
        <message>
            <source>The code list has an item in the wrong format (no «code»).</source>
            <translation>Danh mục có mục không đúng định dạng (thiếu «code»).</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «applies_to.{code}» must be a list of appointment kinds.</source>
            <translation>Quy định «{RULE_KEY}»: «applies_to.{code}» phải là danh sách loại bổ nhiệm.</translation>
        </message>
        <message>
            <source>The current position «{title_code}» is not in the list of titles, so whether this condition applies cannot be determined.</source>
            <translation>Chức vụ hiện tại «{title_code}» không có trong danh mục chức danh, nên không xác định được điều kiện này có áp dụng hay không.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the item «standards» has the wrong format.</source>
            <translation>Quy định «{RULE_KEY}»: mục «standards» không đúng định dạng.</translation>
        </message>
        <message>
            <source>Title «{name}» does not set this standard.</source>
            <translation>Chức danh «{name}» không quy định tiêu chuẩn này.</translation>
        </message>
        <message>
            <source>The level «{required}» has no rank in the code list «{rank_list}».</source>
            <translation>Không có thứ bậc của mức «{required}» trong danh mục «{rank_list}».</translation>
        </message>
        <message>
            <source>Does not apply to a first appointment to a leadership or management post.</source>
            <translation>Không áp dụng đối với trường hợp bổ nhiệm lần đầu giữ chức vụ lãnh đạo, quản lý.</translation>
        </message>
        <message>
            <source>Does not apply to an appointment to a higher post.</source>
            <translation>Không áp dụng đối với trường hợp bổ nhiệm chức vụ cao hơn.</translation>
        </message>
        <message>
            <source>Does not apply to an appointment to an equivalent post.</source>
            <translation>Không áp dụng đối với trường hợp bổ nhiệm chức vụ tương đương.</translation>
        </message>
        <message>
            <source>Does not apply to an appointment to a lower post.</source>
            <translation>Không áp dụng đối với trường hợp bổ nhiệm chức vụ thấp hơn.</translation>
        </message>
        <message>
            <source>Does not apply when the kind of appointment cannot be determined.</source>
            <translation>Không áp dụng đối với trường hợp chưa xác định được loại bổ nhiệm.</translation>
        </message>
        <message>
            <source>The record does not give {standard}; «{required}» or higher is required.</source>
            <translation>Hồ sơ chưa ghi {standard}; yêu cầu từ «{required}» trở lên.</translation>
        </message>
        <message>
            <source>The level «{have}» in the record is not in the code list «{rank_list}».</source>
            <translation>Mức «{have}» trong hồ sơ không có trong danh mục «{rank_list}».</translation>
        </message>
        <message>
            <source>Has «{have}», «{required}» or higher required.</source>
            <translation>Có «{have}», yêu cầu từ «{required}» trở lên.</translation>
        </message>
        <message>
            <source>Has «{have}», «{required}» or higher required – not met.</source>
            <translation>Có «{have}», yêu cầu từ «{required}» trở lên – chưa đạt.</translation>
        </message>
        <message>
            <source>In the planning for this title, term {term}.</source>
            <translation>Có trong quy hoạch chức danh này nhiệm kỳ {term}.</translation>
        </message>
        <message>
            <source>In the planning for this title.</source>
            <translation>Có trong quy hoạch chức danh này.</translation>
        </message>
        <message>
            <source>In the planning for the equivalent/higher title «{title}», term {term}.</source>
            <translation>Có trong quy hoạch chức danh tương đương/cao hơn «{title}» nhiệm kỳ {term}.</translation>
        </message>
        <message>
            <source>In the planning for the equivalent/higher title «{title}».</source>
            <translation>Có trong quy hoạch chức danh tương đương/cao hơn «{title}».</translation>
        </message>
        <message>
            <source>In the planning for titles not in the code list ({titles}), which cannot be compared with the title of the appointment.</source>
            <translation>Có quy hoạch vào chức danh không có trong danh mục ({titles}), không so sánh được với chức danh bổ nhiệm.</translation>
        </message>
        <message>
            <source>Not in the planning for the title «{title}» or an equivalent or higher title ({removed} planning entries were removed from the planning).</source>
            <translation>Không có trong quy hoạch chức danh «{title}» hoặc chức danh tương đương, cao hơn ({removed} mục quy hoạch đã bị đưa ra khỏi quy hoạch).</translation>
        </message>
        <message>
            <source>Not in the planning for the title «{title}» or an equivalent or higher title.</source>
            <translation>Không có trong quy hoạch chức danh «{title}» hoặc chức danh tương đương, cao hơn.</translation>
        </message>
        <message>
            <source>The record does not give the start date of the current position.</source>
            <translation>Hồ sơ chưa ghi ngày bắt đầu giữ chức vụ hiện tại.</translation>
        </message>
        <message>
            <source>In the post since {start}, {months} months by {on}; at least {need} months required.</source>
            <translation>Giữ chức vụ từ {start}, đến {on} được {months} tháng; yêu cầu tối thiểu {need} tháng.</translation>
        </message>
        <message>
            <source>In the post since {start}, {months} months by {on}; at least {need} months required (reached on {full_on}).</source>
            <translation>Giữ chức vụ từ {start}, đến {on} được {months} tháng; yêu cầu tối thiểu {need} tháng (đủ vào ngày {full_on}).</translation>
        </message>
        <message>
            <source>The retirement date cannot be determined (date of birth or sex missing).</source>
            <translation>Chưa xác định được ngày nghỉ hưu (thiếu ngày sinh hoặc giới tính).</translation>
        </message>
        <message>
            <source>Retirement date {retirement}; a term of {months} months from {on} needs service until the end of {last} – enough.</source>
            <translation>Ngày nghỉ hưu {retirement}; một nhiệm kỳ {months} tháng từ {on} cần công tác đến hết ngày {last} – đủ.</translation>
        </message>
        <message>
            <source>Retirement date {retirement}; a term of {months} months from {on} needs service until the end of {last} – not enough.</source>
            <translation>Ngày nghỉ hưu {retirement}; một nhiệm kỳ {months} tháng từ {on} cần công tác đến hết ngày {last} – không đủ.</translation>
        </message>
        <message>
            <source>{form} on {decided_on} (no time limit applies)</source>
            <translation>{form} ngày {decided_on} (không áp dụng thời hạn)</translation>
        </message>
        <message>
            <source>the form «{form}» on {decided_on} has no period in the rules yet</source>
            <translation>hình thức «{form}» ngày {decided_on} chưa có thời hạn trong quy định</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the period of the form «{form_code}» must be a number of months (an integer).</source>
            <translation>Quy định «{RULE_KEY}»: thời hạn của hình thức «{form_code}» phải là số tháng (số nguyên).</translation>
        </message>
        <message>
            <source>{form} on {decided_on}: {months} months, ending on {ends}</source>
            <translation>{form} ngày {decided_on}: {months} tháng, hết ngày {ends}</translation>
        </message>
        <message>
            <source>Still within the period: {items}.</source>
            <translation>Đang trong thời hạn: {items}.</translation>
        </message>
        <message>
            <source>Cannot be determined: {items}.</source>
            <translation>Không xác định được: {items}.</translation>
        </message>
        <message>
            <source>The period has ended: {items}.</source>
            <translation>Đã hết thời hạn: {items}.</translation>
        </message>
        <message>
            <source>No discipline.</source>
            <translation>Không có kỷ luật.</translation>
        </message>
        <message>
            <source>The rules do not require an evaluation result.</source>
            <translation>Quy định không yêu cầu kết quả đánh giá.</translation>
        </message>
        <message>
            <source>The level «{min_level}» has no rank in the list of evaluation levels.</source>
            <translation>Không có thứ bậc của mức «{min_level}» trong danh mục xếp loại.</translation>
        </message>
        <message>
            <source>{year}: {level} (not counted)</source>
            <translation>{year}: {level} (không tính)</translation>
        </message>
        <message>
            <source>{year} (level «{level}» is not in the code list)</source>
            <translation>{year} (mức «{level}» không có trong danh mục)</translation>
        </message>
        <message>
            <source>the last {years} years at «{level}» or higher are required</source>
            <translation>yêu cầu {years} năm gần nhất từ «{level}» trở lên</translation>
        </message>
        <message>
            <source>Not met ({need}): {items}.</source>
            <translation>Chưa đạt ({need}): {items}.</translation>
        </message>
        <message>
            <source>No result yet for year {missing} ({need}).</source>
            <translation>Chưa có kết quả năm {missing} ({need}).</translation>
        </message>
        <message>
            <source>{items} ({need}).</source>
            <translation>{items} ({need}).</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the item «documents» has the wrong format.</source>
            <translation>Quy định «{RULE_KEY}»: mục «documents» không đúng định dạng.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «max_age_months» of «{code}» must be a number of months.</source>
            <translation>Quy định «{RULE_KEY}»: «max_age_months» của «{code}» phải là số tháng.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the field «{person_field}» is not a date.</source>
            <translation>Quy định «{RULE_KEY}»: trường «{person_field}» không phải là ngày.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the document «{code}» needs «document_kind» or «person_field».</source>
            <translation>Quy định «{RULE_KEY}»: giấy tờ «{code}» cần «document_kind» hoặc «person_field».</translation>
        </message>
        <message>
            <source>No {document} in the record yet.</source>
            <translation>Chưa có {document} trong hồ sơ.</translation>
        </message>
        <message>
            <source>The record has {document} (dated {dated}).</source>
            <translation>Đã có {document} (ngày {dated}).</translation>
        </message>
        <message>
            <source>The record has {document}.</source>
            <translation>Đã có {document}.</translation>
        </message>
        <message>
            <source>{name} dated {latest}, valid until {valid_until} (no older than {max_age} months).</source>
            <translation>{name} ngày {latest}, còn giá trị đến {valid_until} (không quá {max_age} tháng).</translation>
        </message>
        <message>
            <source>{name} dated {latest}, valid until {valid_until} (no older than {max_age} months) – expired by the date considered {on}.</source>
            <translation>{name} ngày {latest}, còn giá trị đến {valid_until} (không quá {max_age} tháng) – đã quá hạn vào ngày xét {on}.</translation>
        </message>
        <message>
            <source>There is no appointment condition with the code {codes} to apply an exception to.</source>
            <translation>Không có điều kiện bổ nhiệm mã {codes} để áp dụng ngoại lệ.</translation>
        </message>
        <message>
            <source>{reason} Special case approved by the competent authority: {reference}.</source>
            <translation>{reason} Trường hợp đặc biệt đã được cấp có thẩm quyền đồng ý: {reference}.</translation>
        </message>
        <message>
            <source>{name} is dated {dated}, after the date considered {on}.</source>
            <translation>{name} ghi ngày {dated}, sau ngày xét {on}.</translation>
        </message>
        <message>
            <source>{name} has no date; it must be no older than {max_age} months.</source>
            <translation>{name} chưa ghi ngày; yêu cầu không quá {max_age} tháng.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.evaluation</name>
        <message>
            <source>Evaluation year «{year}» is not valid.</source>
            <translation>Năm đánh giá «{year}» không hợp lệ.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}» from {valid_from}: {text}</source>
            <translation>Quy định «{RULE_KEY}» từ {valid_from}: {text}</translation>
        </message>
        <message>
            <source>the level «{level}» is not in the scale «levels».</source>
            <translation>mức «{level}» không có trong thang «levels».</translation>
        </message>
        <message>
            <source>the parameter «{key}» must be a number.</source>
            <translation>tham số «{key}» phải là một số.</translation>
        </message>
        <message>
            <source>the parameter «{key}» must be a table or null.</source>
            <translation>tham số «{key}» phải là một bảng hoặc null.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}» from {valid_from}</source>
            <translation>Quy định «{RULE_KEY}» từ {valid_from}</translation>
        </message>
        <message>
            <source>{where}: «regime» must be one of {REGIMES}.</source>
            <translation>{where}: «regime» phải là một trong {REGIMES}.</translation>
        </message>
        <message>
            <source>{where}: the scale of levels «levels» is missing.</source>
            <translation>{where}: thiếu thang mức «levels».</translation>
        </message>
        <message>
            <source>{where}: the names of the levels «labels» are missing.</source>
            <translation>{where}: thiếu tên các mức «labels».</translation>
        </message>
        <message>
            <source>{where}: «label_overrides» has the wrong format.</source>
            <translation>{where}: «label_overrides» không đúng định dạng.</translation>
        </message>
        <message>
            <source>{where}: «not_rated_level» or «fail_level» is missing.</source>
            <translation>{where}: thiếu «not_rated_level» hoặc «fail_level».</translation>
        </message>
        <message>
            <source>{what} must be a number.</source>
            <translation>{what} phải là một số.</translation>
        </message>
        <message>
            <source>{what} must be between {low} and {high} (got {f}).</source>
            <translation>{what} phải trong khoảng {low}–{high} (nhận được {f}).</translation>
        </message>
        <message>
            <source>«score_decimals» must be an integer 0–6.</source>
            <translation>«score_decimals» phải là số nguyên 0–6.</translation>
        </message>
        <message>
            <source>Year {year} is evaluated by the proposed level (ND 90/2020), not by score.</source>
            <translation>Năm {year} đánh giá theo mức đề xuất (NĐ 90/2020), không theo điểm.</translation>
        </message>
        <message>
            <source>Total score</source>
            <translation>Tổng điểm</translation>
        </message>
        <message>
            <source>the score bands «bands» are missing.</source>
            <translation>thiếu các ngưỡng điểm «bands».</translation>
        </message>
        <message>
            <source>every band in «bands» needs «level» and «min».</source>
            <translation>mỗi ngưỡng trong «bands» cần «level» và «min».</translation>
        </message>
        <message>
            <source>Months worked in the year</source>
            <translation>Số tháng công tác trong năm</translation>
        </message>
        <message>
            <source>Months absent from work</source>
            <translation>Số tháng nghỉ không làm việc</translation>
        </message>
        <message>
            <source>Year {year}: there is no exclusion condition with the code {codes}.</source>
            <translation>Năm {year}: không có điều kiện loại trừ mã {codes}.</translation>
        </message>
        <message>
            <source>Worked {months_worked} months in {year}, fewer than {need}: no quality rating (the working time is still reviewed).</source>
            <translation>Công tác {months_worked} tháng trong năm {year}, dưới {need} tháng: không xếp loại chất lượng (vẫn kiểm điểm thời gian công tác).</translation>
        </message>
        <message>
            <source>Year {year} is rated by score (ND 335/2025): the general criteria score and the task results score are needed.</source>
            <translation>Năm {year} xếp loại theo điểm (NĐ 335/2025): cần điểm tiêu chí chung và điểm kết quả thực hiện nhiệm vụ.</translation>
        </message>
        <message>
            <source>General criteria score</source>
            <translation>Điểm tiêu chí chung</translation>
        </message>
        <message>
            <source>Task results score</source>
            <translation>Điểm kết quả thực hiện nhiệm vụ</translation>
        </message>
        <message>
            <source>Year {year}: the level proposed by the competent authority is needed.</source>
            <translation>Năm {year}: cần mức xếp loại do cấp có thẩm quyền đề xuất.</translation>
        </message>
        <message>
            <source>«absence_cap.max_level» must be a rating level code.</source>
            <translation>«absence_cap.max_level» phải là mã mức xếp loại.</translation>
        </message>
        <message>
            <source>Absent from work {months_absent} months (from {low} to under {high} months): rated no higher than «{max_level}».</source>
            <translation>Nghỉ không làm việc {months_absent} tháng (từ {low} đến dưới {high} tháng): không xếp loại cao hơn «{max_level}».</translation>
        </message>
        <message>
            <source>«discipline.forms» must be a list of discipline form codes or null.</source>
            <translation>«discipline.forms» phải là danh sách mã hình thức kỷ luật hoặc null.</translation>
        </message>
        <message>
            <source>{form_code} on {decided_on}</source>
            <translation>{form_code} ngày {decided_on}</translation>
        </message>
        <message>
            <source>Disciplined in {year} ({listed}): rated «{level}».</source>
            <translation>Bị kỷ luật trong năm {year} ({listed}): xếp loại «{level}».</translation>
        </message>
        <message>
            <source>the exclusion condition «{code}» has the wrong format.</source>
            <translation>điều kiện loại trừ «{code}» không đúng định dạng.</translation>
        </message>
        <message>
            <source>Year {year} is evaluated under ND 90/2020: task results are not scored.</source>
            <translation>Năm {year} đánh giá theo NĐ 90/2020: không chấm điểm kết quả nhiệm vụ.</translation>
        </message>
        <message>
            <source>the parameter «task» is missing.</source>
            <translation>thiếu tham số «task».</translation>
        </message>
        <message>
            <source>«task.component_base» must be «assigned» or «completed».</source>
            <translation>«task.component_base» phải là «assigned» hoặc «completed».</translation>
        </message>
        <message>
            <source>No assigned tasks or products to score yet.</source>
            <translation>Chưa có nhiệm vụ, sản phẩm được giao để tính điểm.</translation>
        </message>
        <message>
            <source>Weight of task {i}</source>
            <translation>Trọng số nhiệm vụ {i}</translation>
        </message>
        <message>
            <source>Number of errors</source>
            <translation>Số lỗi</translation>
        </message>
        <message>
            <source>Number of delays</source>
            <translation>Số lần chậm</translation>
        </message>
        <message>
            <source>{what} of task {i} must be a non-negative integer.</source>
            <translation>{what} của nhiệm vụ {i} phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>The total weight of the assigned tasks is 0.</source>
            <translation>Tổng trọng số nhiệm vụ được giao bằng 0.</translation>
        </message>
        <message>
            <source>Additional component {j}</source>
            <translation>Thành phần bổ sung {j}</translation>
        </message>
        <message>
            <source>Year {year}: the rules set no limit on the share of «Hoàn thành xuất sắc nhiệm vụ».</source>
            <translation>Năm {year}: quy định không giới hạn tỷ lệ «Hoàn thành xuất sắc nhiệm vụ».</translation>
        </message>
        <message>
            <source>{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: at most {pct}% of «Hoàn thành tốt» = {allowed} people; within the share.</source>
            <translation>{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: tối đa {pct}% số «Hoàn thành tốt» = {allowed} người; đạt tỷ lệ.</translation>
        </message>
        <message>
            <source>{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: at most {pct}% of «Hoàn thành tốt» = {allowed} people; {over} too many.</source>
            <translation>{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: tối đa {pct}% số «Hoàn thành tốt» = {allowed} người; vượt {over} người.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.reminders</name>
        <message>
            <source>Retiring within 3 months: issue the retirement decision</source>
            <translation>Nghỉ hưu trong 3 tháng: ra quyết định nghỉ hưu</translation>
        </message>
        <message>
            <source>Retiring within 6 months: announce the retirement</source>
            <translation>Nghỉ hưu trong 6 tháng: thông báo nghỉ hưu</translation>
        </message>
        <message>
            <source>Appointment term ending within 90 working days</source>
            <translation>Hết thời hạn bổ nhiệm trong 90 ngày làm việc</translation>
        </message>
        <message>
            <source>Regular salary raise due this quarter</source>
            <translation>Nâng bậc lương thường xuyên đến hạn trong quý</translation>
        </message>
        <message>
            <source>No evaluation result for last year</source>
            <translation>Chưa có kết quả đánh giá năm trước</translation>
        </message>
        <message>
            <source>To be replaced without waiting for the end of the term</source>
            <translation>Cần thay thế, không chờ hết nhiệm kỳ</translation>
        </message>
        <message>
            <source>Record not complete enough for an appointment dossier</source>
            <translation>Hồ sơ chưa đủ để lập hồ sơ bổ nhiệm</translation>
        </message>
        <message>
            <source>Retires from {retire_on}; the decision must be issued before {decision_on} (overdue).</source>
            <translation>Nghỉ hưu từ {retire_on}; quyết định cần ban hành trước {decision_on} (đã quá hạn).</translation>
        </message>
        <message>
            <source>Retires from {retire_on}; the decision must be issued before {decision_on}.</source>
            <translation>Nghỉ hưu từ {retire_on}; quyết định cần ban hành trước {decision_on}.</translation>
        </message>
        <message>
            <source>Retires from {retire_on}; notify before {notice_on}.</source>
            <translation>Nghỉ hưu từ {retire_on}; thông báo trước {notice_on}.</translation>
        </message>
        <message>
            <source>The term in the post ends on {term_end} (retirement age reached)</source>
            <translation>Hết thời hạn giữ chức vụ ngày {term_end} (đến tuổi nghỉ hưu)</translation>
        </message>
        <message>
            <source>The term in the post ends on {term_end}; announce the review for reappointment from {notice}.</source>
            <translation>Hết thời hạn giữ chức vụ ngày {term_end}; thông báo xem xét bổ nhiệm lại từ {notice}.</translation>
        </message>
        <message>
            <source>{summary} (overdue)</source>
            <translation>{summary} (quá hạn)</translation>
        </message>
        <message>
            <source>The evaluation result for {last_year} has not been entered.</source>
            <translation>Chưa nhập kết quả đánh giá, xếp loại năm {last_year}.</translation>
        </message>
        <message>
            <source>Did not complete the tasks two years in a row ({first} and {second}).</source>
            <translation>Không hoàn thành nhiệm vụ hai năm liên tiếp ({first} và {second}).</translation>
        </message>
        <message>
            <source>Missing: {items}.</source>
            <translation>Thiếu: {items}.</translation>
        </message>
        <message>
            <source>the latest declaration of assets and income</source>
            <translation>bản kê khai tài sản, thu nhập gần nhất</translation>
        </message>
        <message>
            <source>a health certificate from the last 6 months</source>
            <translation>giấy chứng nhận sức khỏe trong 6 tháng</translation>
        </message>
        <message>
            <source>a 4×6 photo taken in the last 6 months</source>
            <translation>ảnh 4×6 chụp trong 6 tháng</translation>
        </message>
        <message>
            <source>the full date of birth</source>
            <translation>ngày sinh đầy đủ</translation>
        </message>
        <message>
            <source>Low confidence from 2/3 of the votes (year {year}): dismiss without waiting for the end of the term.</source>
            <translation>Từ 2/3 số phiếu tín nhiệm thấp (năm {year}): miễn nhiệm, không chờ hết nhiệm kỳ.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.retirement</name>
        <message>
            <source>Rule «{rule}»: the retirement age roadmap for women («{sex}») is missing.</source>
            <translation>Quy định «{rule}»: thiếu lộ trình tuổi nghỉ hưu cho nữ («{sex}»).</translation>
        </message>
        <message>
            <source>Rule «{rule}»: the retirement age roadmap for men («{sex}») is missing.</source>
            <translation>Quy định «{rule}»: thiếu lộ trình tuổi nghỉ hưu cho nam («{sex}»).</translation>
        </message>
        <message>
            <source>Sex «{sex}» is not valid: it must be «M» (male) or «F» (female) to compute the retirement age.</source>
            <translation>Giới tính «{sex}» không hợp lệ: phải là «M» (nam) hoặc «F» (nữ) để tính tuổi nghỉ hưu.</translation>
        </message>
        <message>
            <source>Choose the sex.</source>
            <translation>Chọn giới tính.</translation>
        </message>
        <message>
            <source>Date of birth precision «{precision}» is not valid (day, month or year).</source>
            <translation>Độ chính xác ngày sinh «{precision}» không hợp lệ (day, month hoặc year).</translation>
        </message>
        <message>
            <source>Invalid precision.</source>
            <translation>Độ chính xác không hợp lệ.</translation>
        </message>
        <message>
            <source>Year of birth {year} is outside the range for computing the retirement age.</source>
            <translation>Năm sinh {year} nằm ngoài phạm vi tính tuổi nghỉ hưu.</translation>
        </message>
        <message>
            <source>The rule «{rule}» is not complete enough to compute the retirement age of a woman born in {year}. An administrator must add it under Administration › Rules.</source>
            <translation>Chưa có quy định «{rule}» đủ để tính tuổi nghỉ hưu của người nữ sinh năm {year}. Quản trị viên cần bổ sung trong mục Quản trị › Quy định.</translation>
        </message>
        <message>
            <source>The rule «{rule}» is not complete enough to compute the retirement age of a man born in {year}. An administrator must add it under Administration › Rules.</source>
            <translation>Chưa có quy định «{rule}» đủ để tính tuổi nghỉ hưu của người nam sinh năm {year}. Quản trị viên cần bổ sung trong mục Quản trị › Quy định.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.salary</name>
        <message>
            <source>Rule «{RULE_KEY}»: {what}</source>
            <translation>Quy định «{RULE_KEY}»: {what}</translation>
        </message>
        <message>
            <source>grade «{code}» has the wrong format.</source>
            <translation>ngạch «{code}» không đúng định dạng.</translation>
        </message>
        <message>
            <source>grade «{code}»: «coefficients» must be a list of coefficients.</source>
            <translation>ngạch «{code}»: «coefficients» phải là danh sách hệ số.</translation>
        </message>
        <message>
            <source>Disciplined ({label}) on {decided_on} while in this step: extended by {months} months.</source>
            <translation>Bị kỷ luật {label} ngày {decided_on} trong thời gian giữ bậc: kéo dài {months} tháng.</translation>
        </message>
        <message>
            <source>Did not complete the tasks in {year}: extended by {per_failed_year} months.</source>
            <translation>Năm {year} không hoàn thành nhiệm vụ: kéo dài {per_failed_year} tháng.</translation>
        </message>
        <message>
            <source>Grade code «{code}» is not in the rules' table of grades and salary steps.</source>
            <translation>Mã ngạch «{code}» không có trong bảng ngạch, bậc lương của quy định.</translation>
        </message>
        <message>
            <source>Step {step} does not exist in grade {name} ({code}: {n} steps).</source>
            <translation>Bậc {step} không có trong ngạch {name} ({code}: {n} bậc).</translation>
        </message>
        <message>
            <source>Raise to step {step}/{n} of grade {name} (coefficient {coef}) from {due}.</source>
            <translation>Nâng lên bậc {step}/{n} ngạch {name} (hệ số {coef}) từ ngày {due}.</translation>
        </message>
        <message>
            <source>Receives the above-scale seniority allowance of {pct}% ({interval} months at the last step {n}/{n})</source>
            <translation>Hưởng phụ cấp thâm niên vượt khung {pct}% (đủ {interval} tháng ở bậc cuối {n}/{n})</translation>
        </message>
        <message>
            <source>Already receives the above-scale seniority allowance of {current}%; the rules give no further increase.</source>
            <translation>Đang hưởng phụ cấp thâm niên vượt khung {current}%; quy định không tăng thêm.</translation>
        </message>
        <message>
            <source>Above-scale seniority allowance rises from {current}% to {pct}%</source>
            <translation>Phụ cấp thâm niên vượt khung tăng từ {current}% lên {pct}%</translation>
        </message>
        <message>
            <source>{what} from {due}.</source>
            <translation>{what} từ ngày {due}.</translation>
        </message>
        <message>
            <source>No grade code yet, so the next salary raise cannot be computed.</source>
            <translation>Chưa có mã ngạch nên chưa tính được kỳ nâng bậc lương.</translation>
        </message>
        <message>
            <source>No current salary step yet, so the next salary raise cannot be computed.</source>
            <translation>Chưa có bậc lương hiện hưởng nên chưa tính được kỳ nâng bậc lương.</translation>
        </message>
        <message>
            <source>No start date of the current salary step yet, so the next salary raise cannot be computed.</source>
            <translation>Chưa có ngày hưởng bậc lương hiện tại nên chưa tính được kỳ nâng bậc lương.</translation>
        </message>
        <message>
            <source>The start date of the salary step {start} is outside the range that can be computed.</source>
            <translation>Ngày hưởng bậc lương {start} nằm ngoài phạm vi tính toán.</translation>
        </message>
        <message>
            <source>No rule «{RULE_KEY}» applies to the salary raise after {start}. An administrator must add it under Administration › Rules.</source>
            <translation>Chưa có quy định «{RULE_KEY}» áp dụng cho kỳ nâng bậc lương sau ngày {start}. Quản trị viên cần bổ sung trong mục Quản trị › Quy định.</translation>
        </message>
        <message>
            <source>«early_raise.cutoff» «{text}» must be written MM-DD (e.g. 12-31).</source>
            <translation>«early_raise.cutoff» «{text}» phải có dạng MM-DD (ví dụ 12-31).</translation>
        </message>
        <message>
            <source>«early_raise.quota_pct» must be a number.</source>
            <translation>«early_raise.quota_pct» phải là số.</translation>
        </message>
        <message>
            <source>«early_raise.quota_pct» must be a non-negative number.</source>
            <translation>«early_raise.quota_pct» phải là số không âm.</translation>
        </message>
        <message>
            <source>Year considered {year} is not valid.</source>
            <translation>Năm xét {year} không hợp lệ.</translation>
        </message>
        <message>
            <source>The number of people on the payroll must be a non-negative integer.</source>
            <translation>Số người trong danh sách trả lương phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>Enter the number of people on the agency's payroll.</source>
            <translation>Nhập số người hưởng lương của cơ quan.</translation>
        </message>
        <message>
            <source>At the last step of the grade: an early salary raise is not considered.</source>
            <translation>Đang ở bậc cuối của ngạch: không xét nâng bậc lương trước thời hạn.</translation>
        </message>
        <message>
            <source>Did not meet the standard for a regular raise while in this step. {why}</source>
            <translation>Không đạt tiêu chuẩn nâng bậc thường xuyên trong thời gian giữ bậc. {why}</translation>
        </message>
        <message>
            <source>The previous salary raise was an early one: two in a row are not considered.</source>
            <translation>Lần nâng bậc lương liền trước là nâng trước thời hạn: không xét hai lần liên tiếp.</translation>
        </message>
        <message>
            <source>The regular raise is due on {next_date}, before {cutoff}: regular raise, no early raise considered.</source>
            <translation>Đến hạn nâng bậc thường xuyên ngày {next_date}, trước ngày {cutoff}: nâng bậc thường xuyên, không xét trước thời hạn.</translation>
        </message>
        <message>
            <source>More than {max_early} months short (due on {next_date}) as of {cutoff}.</source>
            <translation>Còn thiếu hơn {max_early} tháng (đến hạn ngày {next_date}) tính đến ngày {cutoff}.</translation>
        </message>
        <message>
            <source>Eligible for consideration: {months} months short (due on {due}) as of {cutoff}.</source>
            <translation>Đủ điều kiện xét: còn thiếu {months} tháng (đến hạn ngày {due}) tính đến ngày {cutoff}.</translation>
        </message>
        <message>
            <source>«base_salary» must be a list of {from, amount}.</source>
            <translation>«base_salary» phải là danh sách {from, amount}.</translation>
        </message>
        <message>
            <source>«base_salary»: the date «{value}» is not valid (YYYY-MM-DD).</source>
            <translation>«base_salary»: ngày «{value}» không hợp lệ (YYYY-MM-DD).</translation>
        </message>
        <message>
            <source>No base salary applies on {on}. An administrator must add it under Administration › Rules.</source>
            <translation>Chưa có mức lương cơ sở áp dụng cho ngày {on}. Quản trị viên cần bổ sung trong mục Quản trị › Quy định.</translation>
        </message>
        <message>
            <source>The salary coefficient must be a number.</source>
            <translation>Hệ số lương phải là một số.</translation>
        </message>
        <message>
            <source>Invalid coefficient.</source>
            <translation>Hệ số không hợp lệ.</translation>
        </message>
        <message>
            <source>The salary coefficient must not be negative.</source>
            <translation>Hệ số lương không được âm.</translation>
        </message>
        <message>
            <source>The coefficient must not be negative.</source>
            <translation>Hệ số không được âm.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.targets</name>
        <message>
            <source>Indicator filter {path}: {text}</source>
            <translation>Bộ lọc chỉ tiêu {path}: {text}</translation>
        </message>
        <message>
            <source>Indicator filter: {text}</source>
            <translation>Bộ lọc chỉ tiêu: {text}</translation>
        </message>
        <message>
            <source>a parameter value must be written {"setting": name, "default": number}.</source>
            <translation>giá trị tham số phải có dạng {"setting": tên, "default": số}.</translation>
        </message>
        <message>
            <source>the parameter «{name}» has no value yet.</source>
            <translation>chưa có giá trị cho tham số «{name}».</translation>
        </message>
        <message>
            <source>«{value}» is not a non-negative number.</source>
            <translation>«{value}» không phải là số không âm.</translation>
        </message>
        <message>
            <source>a number of months/years must be an integer (got {n}).</source>
            <translation>số tháng/năm phải là số nguyên (nhận được {n}).</translation>
        </message>
        <message>
            <source>«{op}» must be true or false.</source>
            <translation>«{op}» phải là true hoặc false.</translation>
        </message>
        <message>
            <source>«{op}» must be a list of codes.</source>
            <translation>«{op}» phải là danh sách mã.</translation>
        </message>
        <message>
            <source>every condition must be a table { operator: value }.</source>
            <translation>mỗi điều kiện phải là một bảng {toán tử: giá trị}.</translation>
        </message>
        <message>
            <source>unsupported keys: {extra}.</source>
            <translation>khóa không hỗ trợ: {extra}.</translation>
        </message>
        <message>
            <source>every condition has only one operator (use «all»/«any» to combine them).</source>
            <translation>mỗi điều kiện chỉ có một toán tử (dùng «all»/«any» để kết hợp).</translation>
        </message>
        <message>
            <source>the operator «{op}» is not supported (use: {_OPERATORS}).</source>
            <translation>toán tử «{op}» không được hỗ trợ (dùng: {_OPERATORS}).</translation>
        </message>
        <message>
            <source>must be a list of conditions.</source>
            <translation>phải là danh sách điều kiện.</translation>
        </message>
        <message>
            <source>«field» must be a field name.</source>
            <translation>«field» phải là tên trường.</translation>
        </message>
        <message>
            <source>the field «{name}» needs exactly one comparison among: {_FIELD_OPS}.</source>
            <translation>trường «{name}» cần đúng một phép so sánh trong: {_FIELD_OPS}.</translation>
        </message>
        <message>
            <source>a yes/no field only uses «eq» or «ne», not «{op}».</source>
            <translation>trường đúng/sai chỉ dùng «eq» hoặc «ne», không dùng «{op}».</translation>
        </message>
        <message>
            <source>the field «{name}» is not supported (use: {allowed}).</source>
            <translation>trường «{name}» không được hỗ trợ (dùng: {allowed}).</translation>
        </message>
        <message>
            <source>the field «{name}» has no ranking to compare with «{op}».</source>
            <translation>trường «{name}» không có thứ bậc để so sánh «{op}».</translation>
        </message>
        <message>
            <source>«{op}» must be a code in the code list «{list_name}».</source>
            <translation>«{op}» phải là một mã trong danh mục «{list_name}».</translation>
        </message>
        <message>
            <source>the ranking of the code list «{list_name}» is missing.</source>
            <translation>thiếu thứ bậc của danh mục «{list_name}».</translation>
        </message>
        <message>
            <source>the code «{value}» is not in the code list «{list_name}».</source>
            <translation>mã «{value}» không có trong danh mục «{list_name}».</translation>
        </message>
        <message>
            <source>«{op}» must be a text.</source>
            <translation>«{op}» phải là một chuỗi.</translation>
        </message>
        <message>
            <source>«trained» must be a training kind code (code list training_kind).</source>
            <translation>«trained» phải là mã loại bồi dưỡng (danh mục training_kind).</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: the list «indicators» is missing.</source>
            <translation>Quy định «{RULE_KEY}»: thiếu danh sách «indicators».</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}», indicator {i}</source>
            <translation>Quy định «{RULE_KEY}», chỉ tiêu {i}</translation>
        </message>
        <message>
            <source>{where}: «code» and «name» are needed.</source>
            <translation>{where}: cần «code» và «name».</translation>
        </message>
        <message>
            <source>{where}: the code «{code}» is duplicated.</source>
            <translation>{where}: mã «{code}» bị trùng.</translation>
        </message>
        <message>
            <source>{where}: «threshold» must be written {{"percent": number, "comparison": "&gt;="}}.</source>
            <translation>{where}: «threshold» phải có dạng {{"percent": số, "comparison": "&gt;="}}.</translation>
        </message>
        <message>
            <source>{where}: «threshold.percent» must be a number between 0 and 100.</source>
            <translation>{where}: «threshold.percent» phải là số trong khoảng 0–100.</translation>
        </message>
        <message>
            <source>{where}: «threshold.comparison» must be «&gt;=» or «&lt;=».</source>
            <translation>{where}: «threshold.comparison» phải là «&gt;=» hoặc «&lt;=».</translation>
        </message>
        <message>
            <source>{where}: the deadline «{deadline}» is not valid (YYYY-MM-DD).</source>
            <translation>{where}: hạn «{deadline}» không hợp lệ (YYYY-MM-DD).</translation>
        </message>
        <message>
            <source>No subjects in the denominator.</source>
            <translation>Không có đối tượng thuộc mẫu số.</translation>
        </message>
        <message>
            <source>{ratio} (monitored indicator, no threshold).</source>
            <translation>{ratio} (chỉ tiêu theo dõi, không có ngưỡng).</translation>
        </message>
        <message>
            <source>target {sign} {threshold} by {deadline}</source>
            <translation>chỉ tiêu {sign} {threshold} đến {deadline}</translation>
        </message>
        <message>
            <source>target {sign} {threshold}</source>
            <translation>chỉ tiêu {sign} {threshold}</translation>
        </message>
        <message>
            <source>{ratio}: met ({target}).</source>
            <translation>{ratio}: đạt ({target}).</translation>
        </message>
        <message>
            <source>{ratio}: not met ({target}).</source>
            <translation>{ratio}: chưa đạt ({target}).</translation>
        </message>
        <message>
            <source>Overdue.</source>
            <translation>Đã quá hạn.</translation>
        </message>
        <message>
            <source>{count} people lack data and are not counted in the numerator.</source>
            <translation>{count} người thiếu dữ liệu, chưa tính vào tử số.</translation>
        </message>
        <message>
            <source>{count} people lack the data to place them in the denominator and are not counted.</source>
            <translation>{count} người thiếu dữ liệu để xác định mẫu số, chưa tính.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.terms</name>
        <message>
            <source>Rule «{RULE_KEY}»: «{name}» must be a non-negative integer.</source>
            <translation>Quy định «{RULE_KEY}»: «{name}» phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «term_months» must be greater than 0.</source>
            <translation>Quy định «{RULE_KEY}»: «term_months» phải lớn hơn 0.</translation>
        </message>
        <message>
            <source>The retirement date is before the appointment date: check the date of birth, the sex or the appointment date.</source>
            <translation>Ngày nghỉ hưu trước ngày bổ nhiệm: kiểm tra lại ngày sinh, giới tính hoặc ngày bổ nhiệm.</translation>
        </message>
        <message>
            <source>The appointment date is after the retirement.</source>
            <translation>Ngày bổ nhiệm sau thời điểm nghỉ hưu.</translation>
        </message>
    </context>
    <context>
        <name>domain.rules.votes</name>
        <message>
            <source>Rule «{RULE_KEY}»: «{what}» must be a fraction written «2/3».</source>
            <translation>Quy định «{RULE_KEY}»: «{what}» phải là phân số dạng «2/3».</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «{what}» = «{value}» is not a valid fraction.</source>
            <translation>Quy định «{RULE_KEY}»: «{what}» = «{value}» không phải phân số hợp lệ.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «{what}» must be between 0 and 1.</source>
            <translation>Quy định «{RULE_KEY}»: «{what}» phải trong khoảng 0–1.</translation>
        </message>
        <message>
            <source>{what} must be a non-negative integer.</source>
            <translation>{what} phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>Voting year «{year}» is not valid.</source>
            <translation>Năm lấy phiếu «{year}» không hợp lệ.</translation>
        </message>
        <message>
            <source>Number convened</source>
            <translation>Số người được triệu tập</translation>
        </message>
        <message>
            <source>Number present</source>
            <translation>Số người có mặt</translation>
        </message>
        <message>
            <source>High-confidence votes</source>
            <translation>Số phiếu tín nhiệm cao</translation>
        </message>
        <message>
            <source>Confidence votes</source>
            <translation>Số phiếu tín nhiệm</translation>
        </message>
        <message>
            <source>Low-confidence votes</source>
            <translation>Số phiếu tín nhiệm thấp</translation>
        </message>
        <message>
            <source>The number present ({present}) is greater than the number convened ({convened}).</source>
            <translation>Số người có mặt ({present}) lớn hơn số người được triệu tập ({convened}).</translation>
        </message>
        <message>
            <source>The total of the votes ({ballots}) is greater than the number present ({present}).</source>
            <translation>Tổng số phiếu ({ballots}) lớn hơn số người có mặt ({present}).</translation>
        </message>
        <message>
            <source>No confidence vote: retirement has already been announced.</source>
            <translation>Không lấy phiếu tín nhiệm: đã có thông báo nghỉ hưu.</translation>
        </message>
        <message>
            <source>No confidence vote: elected or appointed on {appointed_on}, within the voting year {year}.</source>
            <translation>Không lấy phiếu tín nhiệm: được bầu, bổ nhiệm ngày {appointed_on}, trong năm lấy phiếu {year}.</translation>
        </message>
        <message>
            <source>Present {present}/{convened} of those convened ({share}); {quorum} or more required – valid.</source>
            <translation>Có mặt {present}/{convened} người được triệu tập ({share}); yêu cầu từ {quorum} trở lên – hợp lệ.</translation>
        </message>
        <message>
            <source>Present {present}/{convened} of those convened ({share}); {quorum} or more required – not valid.</source>
            <translation>Có mặt {present}/{convened} người được triệu tập ({share}); yêu cầu từ {quorum} trở lên – không hợp lệ.</translation>
        </message>
        <message>
            <source>The meeting did not have the required attendance; the result cannot be used.</source>
            <translation>Hội nghị không đủ số người tham dự theo quy định; kết quả không được sử dụng.</translation>
        </message>
        <message>
            <source>The number convened is not recorded: attendance cannot be checked.</source>
            <translation>Chưa ghi số người được triệu tập: không kiểm tra được số người tham dự.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «low_share_basis» must be ballots, present or convened.</source>
            <translation>Quy định «{RULE_KEY}»: «low_share_basis» phải là ballots, present hoặc convened.</translation>
        </message>
        <message>
            <source>No votes yet to compute the share.</source>
            <translation>Chưa có số phiếu để tính tỷ lệ.</translation>
        </message>
        <message>
            <source>total votes</source>
            <translation>tổng số phiếu</translation>
        </message>
        <message>
            <source>people present</source>
            <translation>số người có mặt</translation>
        </message>
        <message>
            <source>people convened</source>
            <translation>số người được triệu tập</translation>
        </message>
        <message>
            <source>Low confidence {low}/{basis} {basis_text} = {share}.</source>
            <translation>Tín nhiệm thấp {low}/{basis} {basis_text} = {share}.</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: «bands» is missing.</source>
            <translation>Quy định «{RULE_KEY}»: thiếu «bands».</translation>
        </message>
        <message>
            <source>Rule «{RULE_KEY}»: band {i} in «bands» has the wrong format.</source>
            <translation>Quy định «{RULE_KEY}»: mức {i} trong «bands» không đúng định dạng.</translation>
        </message>
        <message>
            <source>Not a case to be reviewed on the voting result.</source>
            <translation>Không thuộc trường hợp phải xem xét theo kết quả lấy phiếu.</translation>
        </message>
        <message>
            <source>from {fraction}</source>
            <translation>từ {fraction}</translation>
        </message>
        <message>
            <source>above {fraction}</source>
            <translation>trên {fraction}</translation>
        </message>
        <message>
            <source>up to {fraction}</source>
            <translation>đến {fraction}</translation>
        </message>
        <message>
            <source>below {fraction}</source>
            <translation>dưới {fraction}</translation>
        </message>
        <message>
            <source>In the band {range} of low-confidence votes.</source>
            <translation>Thuộc mức {range} phiếu tín nhiệm thấp.</translation>
        </message>
    </context>
    <context>
        <name>domain.sync</name>
        <message>
            <source>This package was already imported on {at_text}; nothing has changed.</source>
            <extracomment>Rows any office may create and that travel upward with the rows using them (courses of a training record). Reference data: decided above, sent down in ``refdata`` packages, never sent upward. Order of writing: a row's parents before the row (foreign keys hold at every step). Bookkeeping columns: carried with the row image, never compared as content. Columns computed locally (search texts, the search index position): never sent, recomputed on arrival. (``path``/``depth`` of a unit are its place in *this* office's tree, rebuilt from the parent links.) Vietnamese names of the tables, for previews, receipts and conflict lists.</extracomment>
            <translation>Gói này đã được nhập ngày {at_text}; không có gì thay đổi.</translation>
        </message>
        <message>
            <source>Another package with the same package ID but different content already exists: this package may have been altered. Not imported.</source>
            <translation>Đã có một gói khác cùng mã gói nhưng nội dung khác: gói này có thể đã bị sửa. Không nhập.</translation>
        </message>
        <message>
            <source>Package no. {seq} is older than package no. {last_seq} already received: not imported again.</source>
            <translation>Gói số {seq} cũ hơn gói số {last_seq} đã nhận: không nhập lại.</translation>
        </message>
        <message>
            <source>The package belongs to an old chain (initialisation {epoch}, now {current_epoch}) of the sending unit: not imported.</source>
            <translation>Gói thuộc chuỗi cũ (lần khởi tạo {epoch}, hiện là {current_epoch}) của đơn vị gửi: không nhập.</translation>
        </message>
        <message>
            <source>The sending unit restored its data from a backup (new package chain): a FULL package is needed. Ask the sending unit to export a full package.</source>
            <translation>Đơn vị gửi đã khôi phục dữ liệu từ bản sao lưu (chuỗi gói mới): cần một gói ĐẦY ĐỦ. Hãy đề nghị đơn vị gửi xuất gói đầy đủ.</translation>
        </message>
        <message>
            <source>Package no. {seq} is old (packages up to no. {last_seq} received): it may have been sent again. Not imported.</source>
            <translation>Gói số {seq} đã cũ (đã nhận đến gói số {last_seq}): có thể là gói gửi lại. Không nhập.</translation>
        </message>
        <message>
            <source>Package no. {missing} is missing (packages up to no. {last_seq} received, this is package no. {seq}). Import package no. {missing} first, then import this package again.</source>
            <translation>Thiếu gói số {missing} (đã nhận đến gói số {last_seq}, đây là gói số {seq}). Hãy nhập gói số {missing} trước, rồi nhập lại gói này.</translation>
        </message>
        <message>
            <source>Package no. {seq} does not follow package no. {last_seq} already received (a fork). Ask the sending unit to export a full package.</source>
            <translation>Gói số {seq} không nối tiếp gói số {last_seq} đã nhận (rẽ nhánh). Hãy đề nghị đơn vị gửi xuất một gói đầy đủ.</translation>
        </message>
    </context>
    <context>
        <name>domain.validation</name>
        <message>
            <source>The personal ID number (CCCD) must have exactly 12 digits.</source>
            <translation>Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.</translation>
        </message>
        <message>
            <source>The first three digits “{prov}” are not the code of a province of birth registration.</source>
            <translation>Ba chữ số đầu “{prov}” không phải mã tỉnh nơi đăng ký khai sinh.</translation>
        </message>
        <message>
            <source>The fourth digit “{g}” (century and sex) is not valid.</source>
            <translation>Chữ số thứ tư “{g}” (thế kỷ và giới tính) không hợp lệ.</translation>
        </message>
        <message>
            <source>The fourth digit of the CCCD does not match the sex.</source>
            <translation>Chữ số thứ tư của CCCD không khớp với giới tính.</translation>
        </message>
        <message>
            <source>Digits 4–6 of the CCCD give the year of birth {cccd_year}, which does not match the year of birth {birth_year}.</source>
            <translation>Chữ số 4–6 của CCCD chỉ năm sinh {cccd_year}, không khớp năm sinh {birth_year}.</translation>
        </message>
        <message>
            <source>Invalid phone number: mobile 10 digits, landline 11 digits, starting with 0 (or +84).</source>
            <translation>Số điện thoại không hợp lệ: di động 10 chữ số, cố định 11 chữ số, bắt đầu bằng 0 (hoặc +84).</translation>
        </message>
    </context>
    <context>
        <name>domain.workflow</name>
        <message>
            <source>Describe the product.</source>
            <translation>Ghi nội dung sản phẩm.</translation>
        </message>
        <message>
            <source>Number assigned</source>
            <translation>Số được giao</translation>
        </message>
        <message>
            <source>Number completed</source>
            <translation>Số hoàn thành</translation>
        </message>
        <message>
            <source>{label} must be a non-negative number.</source>
            <translation>{label} phải là số không âm.</translation>
        </message>
        <message>
            <source>Number of major errors</source>
            <translation>Số lỗi lớn</translation>
        </message>
        <message>
            <source>Number of delays</source>
            <translation>Số lần chậm</translation>
        </message>
        <message>
            <source>{label} must be a non-negative integer.</source>
            <translation>{label} phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>No task score components yet.</source>
            <translation>Chưa có thành phần điểm nhiệm vụ.</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>trống</translation>
        </message>
        <message>
            <source>{label} must be between 0 and 100.</source>
            <translation>{label} phải trong khoảng 0–100.</translation>
        </message>
        <message>
            <source>{what} must be a number.</source>
            <translation>{what} phải là một số.</translation>
        </message>
        <message>
            <source>{what} «{value}» is not a number.</source>
            <translation>{what} «{value}» không phải là số.</translation>
        </message>
        <message>
            <source>The number convened must be an integer greater than 0.</source>
            <translation>Số người được triệu tập phải là số nguyên lớn hơn 0.</translation>
        </message>
        <message>
            <source>The number present must be a non-negative integer.</source>
            <translation>Số người có mặt phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>The number present ({present}) is greater than the number convened ({convened}).</source>
            <translation>Số người có mặt ({present}) lớn hơn số người được triệu tập ({convened}).</translation>
        </message>
        <message>
            <source>No people to vote on yet.</source>
            <translation>Chưa có người được lấy phiếu.</translation>
        </message>
        <message>
            <source>A person is entered twice.</source>
            <translation>Một người được ghi hai lần.</translation>
        </message>
        <message>
            <source>The number of votes must be a non-negative integer.</source>
            <translation>Số phiếu phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>The total of the votes ({total}) is greater than the number present ({present}).</source>
            <translation>Tổng số phiếu ({total}) lớn hơn số người có mặt ({present}).</translation>
        </message>
        <message>
            <source>Term «{text}» is not valid (write it as 2025-2030).</source>
            <translation>Nhiệm kỳ «{text}» không hợp lệ (viết dạng 2025-2030).</translation>
        </message>
        <message>
            <source>wrong format</source>
            <translation>sai dạng</translation>
        </message>
        <message>
            <source>Term «{text}» is not valid: a term is {PLANNING_TERM_YEARS} years (e.g. 2026-2031).</source>
            <translation>Nhiệm kỳ «{text}» không hợp lệ: một nhiệm kỳ là {PLANNING_TERM_YEARS} năm (ví dụ 2026-2031).</translation>
        </message>
        <message>
            <source>wrong term</source>
            <translation>sai nhiệm kỳ</translation>
        </message>
        <message>
            <source>Procedure «{name}» has no step {no}.</source>
            <translation>Quy trình «{name}» không có bước {no}.</translation>
        </message>
        <message>
            <source>does not exist</source>
            <translation>không có</translation>
        </message>
        <message>
            <source>Procedure type «{kind}» is not valid (appointment, reappointment, dismissal).</source>
            <translation>Loại quy trình «{kind}» không hợp lệ (bổ nhiệm, bổ nhiệm lại, miễn nhiệm).</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>không hợp lệ</translation>
        </message>
        <message>
            <source>Personnel source «{source}» is not valid (internal or from elsewhere).</source>
            <translation>Nguồn nhân sự «{source}» không hợp lệ (tại chỗ hoặc từ nơi khác).</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: «{what}» must be a fraction written «2/3».</source>
            <translation>Quy định «{PROCEDURE_RULE}»: «{what}» phải là phân số dạng «2/3».</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: «{what}» must be between 0 and 1.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: «{what}» phải trong khoảng 0–1.</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: «{what}» must be a non-negative integer.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: «{what}» phải là số nguyên không âm.</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}» has no procedure «{key}».</source>
            <translation>Quy định «{PROCEDURE_RULE}» chưa có quy trình «{key}».</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: procedure «{key}» has no steps.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: quy trình «{key}» chưa có các bước.</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: step {i} of «{key}» has the wrong format.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: bước {i} của «{key}» không đúng định dạng.</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: «threshold_basis» must be convened, present or ballots_valid.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: «threshold_basis» phải là convened, present hoặc ballots_valid.</translation>
        </message>
        <message>
            <source>Rule «{PROCEDURE_RULE}»: «documents», «eligibility_blocking» must be lists.</source>
            <translation>Quy định «{PROCEDURE_RULE}»: «documents», «eligibility_blocking» phải là danh sách.</translation>
        </message>
        <message>
            <source>Enter the meeting date.</source>
            <translation>Nhập ngày họp.</translation>
        </message>
        <message>
            <source>Number convened</source>
            <translation>Số người được triệu tập</translation>
        </message>
        <message>
            <source>Number present</source>
            <translation>Số người có mặt</translation>
        </message>
        <message>
            <source>Ballots issued</source>
            <translation>Số phiếu phát ra</translation>
        </message>
        <message>
            <source>Ballots returned</source>
            <translation>Số phiếu thu vào</translation>
        </message>
        <message>
            <source>Valid ballots</source>
            <translation>Số phiếu hợp lệ</translation>
        </message>
        <message>
            <source>Votes in favour</source>
            <translation>Số phiếu đồng ý</translation>
        </message>
        <message>
            <source>Votes against</source>
            <translation>Số phiếu không đồng ý</translation>
        </message>
        <message>
            <source>Enter the {label}.</source>
            <translation>Nhập {label}.</translation>
        </message>
        <message>
            <source>The number convened must be greater than 0.</source>
            <translation>Số người được triệu tập phải lớn hơn 0.</translation>
        </message>
        <message>
            <source>{label} ({a}) is greater than the {other_label} ({b}).</source>
            <translation>{label} ({a}) lớn hơn {other_label} ({b}).</translation>
        </message>
        <message>
            <source>The votes in favour and against ({total}) are more than the valid ballots ({ballots_valid}).</source>
            <translation>Số phiếu đồng ý và không đồng ý ({total}) lớn hơn số phiếu hợp lệ ({ballots_valid}).</translation>
        </message>
        <message>
            <source>Not done yet.</source>
            <translation>Chưa thực hiện.</translation>
        </message>
        <message>
            <source>Meeting held on {held_on}.</source>
            <translation>Họp ngày {held_on}.</translation>
        </message>
        <message>
            <source>The numbers convened and present are not recorded.</source>
            <translation>Chưa ghi số người được triệu tập và có mặt.</translation>
        </message>
        <message>
            <source>Present {present}/{convened} of those convened ({share}); {quorum} or more required – valid.</source>
            <translation>Có mặt {present}/{convened} người được triệu tập ({share}); yêu cầu từ {quorum} trở lên – hợp lệ.</translation>
        </message>
        <message>
            <source>Present {present}/{convened} of those convened ({share}); {quorum} or more required – the meeting is not valid.</source>
            <translation>Có mặt {present}/{convened} người được triệu tập ({share}); yêu cầu từ {quorum} trở lên – hội nghị không hợp lệ.</translation>
        </message>
        <message>
            <source>Ballots issued {ballots_issued}, returned {ballots_returned}, valid {ballots_valid}; in favour {agree}, against {disagree}.</source>
            <translation>Phiếu phát ra {ballots_issued}, thu vào {ballots_returned}, hợp lệ {ballots_valid}; đồng ý {agree}, không đồng ý {disagree}.</translation>
        </message>
        <message>
            <source>Not enough figures to compute the share in favour.</source>
            <translation>Chưa đủ số liệu để tính tỷ lệ đồng ý.</translation>
        </message>
        <message>
            <source>In favour {agree}/{basis} {of_what} ({share}); more than {threshold} required – passed.</source>
            <translation>Đồng ý {agree}/{basis} {of_what} ({share}); yêu cầu trên {threshold} – đạt.</translation>
        </message>
        <message>
            <source>In favour {agree}/{basis} {of_what} ({share}); more than {threshold} required – not passed.</source>
            <translation>Đồng ý {agree}/{basis} {of_what} ({share}); yêu cầu trên {threshold} – không đạt.</translation>
        </message>
        <message>
            <source>people convened</source>
            <translation>số người được triệu tập</translation>
        </message>
        <message>
            <source>people present</source>
            <translation>số người có mặt</translation>
        </message>
        <message>
            <source>valid ballots</source>
            <translation>số phiếu hợp lệ</translation>
        </message>
        <message>
            <source>Submitted on {submitted_on}; the policy decision is due by {decision_due} ({days} working days); approved on {approved_on} – on time.</source>
            <translation>Trình ngày {submitted_on}; hạn quyết định chủ trương {decision_due} ({days} ngày làm việc); phê duyệt ngày {approved_on} – đúng hạn.</translation>
        </message>
        <message>
            <source>Submitted on {submitted_on}; the policy decision is due by {decision_due} ({days} working days); approved on {approved_on} – later than required.</source>
            <translation>Trình ngày {submitted_on}; hạn quyết định chủ trương {decision_due} ({days} ngày làm việc); phê duyệt ngày {approved_on} – chậm so với quy định.</translation>
        </message>
        <message>
            <source>Submitted on {submitted_on}; the policy decision is due by {decision_due} ({decision_working_days} working days).</source>
            <translation>Trình ngày {submitted_on}; hạn quyết định chủ trương {decision_due} ({decision_working_days} ngày làm việc).</translation>
        </message>
        <message>
            <source>The personnel process is due by {process_due} ({days} working days from the policy); the last step met on {finished} – on time.</source>
            <translation>Hạn hoàn thành quy trình nhân sự {process_due} ({days} ngày làm việc từ khi có chủ trương); bước cuối họp ngày {finished} – đúng hạn.</translation>
        </message>
        <message>
            <source>The personnel process is due by {process_due} ({days} working days from the policy); the last step met on {finished} – overdue: the unit must report the reason.</source>
            <translation>Hạn hoàn thành quy trình nhân sự {process_due} ({days} ngày làm việc từ khi có chủ trương); bước cuối họp ngày {finished} – quá hạn: đơn vị phải báo cáo lý do.</translation>
        </message>
        <message>
            <source>The personnel process is due by {process_due} ({days} working days from the policy) – overdue: the unit must report the reason.</source>
            <translation>Hạn hoàn thành quy trình nhân sự {process_due} ({days} ngày làm việc từ khi có chủ trương) – đã quá hạn: đơn vị phải báo cáo lý do.</translation>
        </message>
        <message>
            <source>The personnel process is due by {process_due} ({days} working days from the policy).</source>
            <translation>Hạn hoàn thành quy trình nhân sự {process_due} ({days} ngày làm việc từ khi có chủ trương).</translation>
        </message>
        <message>
            <source>The policy has not been approved by the competent authority yet.</source>
            <translation>Chưa có chủ trương được cấp có thẩm quyền phê duyệt.</translation>
        </message>
        <message>
            <source>Not in the appointment dossier yet.</source>
            <translation>Chưa có trong hồ sơ bổ nhiệm.</translation>
        </message>
        <message>
            <source>Not in the appointment dossier yet. The cadre's record has this document dated {hint}.</source>
            <translation>Chưa có trong hồ sơ bổ nhiệm. Hồ sơ cán bộ có giấy tờ này ngày {hint}.</translation>
        </message>
        <message>
            <source>Dated {doc_date}, older than {max_age_months} months (no longer valid from {until}).</source>
            <translation>Ngày {doc_date}, quá {max_age_months} tháng (hết giá trị từ {until}).</translation>
        </message>
        <message>
            <source>Dated {doc_date}, valid until {until}.</source>
            <translation>Ngày {doc_date}, còn giá trị đến {until}.</translation>
        </message>
        <message>
            <source>Present, no date recorded (must be within {max_age_months} months).</source>
            <translation>Có, chưa ghi ngày (yêu cầu trong {max_age_months} tháng).</translation>
        </message>
        <message>
            <source>Present, dated {doc_date}.</source>
            <translation>Có, ngày {doc_date}.</translation>
        </message>
        <message>
            <source>Present.</source>
            <translation>Có.</translation>
        </message>
        <message>
            <source>{name}: not done yet.</source>
            <translation>{name}: chưa thực hiện.</translation>
        </message>
        <message>
            <source>{name}: not passed – {reason}</source>
            <translation>{name}: không đạt – {reason}</translation>
        </message>
        <message>
            <source>{no}. {name} (expired)</source>
            <translation>{no}. {name} (quá hạn)</translation>
        </message>
        <message>
            <source>Dossier documents missing or no longer valid: {items}.</source>
            <translation>Hồ sơ còn thiếu hoặc hết giá trị: {items}.</translation>
        </message>
        <message>
            <source>Condition «{name}» not met – {reason} A special case approved by the competent authority is needed.</source>
            <translation>Điều kiện «{name}» chưa đạt – {reason} Cần trường hợp đặc biệt được cấp có thẩm quyền đồng ý.</translation>
        </message>
        <message>
            <source>Condition «{name}» undetermined: {reason}</source>
            <translation>Điều kiện «{name}» chưa xác định: {reason}</translation>
        </message>
    </context>
    <context>
        <name>services.appointments</name>
        <message>
            <source>This procedure is {status}: it can no longer be changed.</source>
            <translation>Quy trình này {status}: không thay đổi được nữa.</translation>
        </message>
        <message>
            <source>Only an officer, the head of office or an administrator may start an appointment procedure.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được lập quy trình bổ nhiệm.</translation>
        </message>
        <message>
            <source>The record is in the trash: restore it before starting a procedure.</source>
            <translation>Hồ sơ đang ở thùng rác: khôi phục trước khi lập quy trình.</translation>
        </message>
        <message>
            <source>There is no title «{code}» in the code list.</source>
            <translation>Không có chức danh «{code}» trong danh mục.</translation>
        </message>
        <message>
            <source>{name} does not hold this title, so cannot be reappointed.</source>
            <translation>{name} không giữ chức danh này nên không bổ nhiệm lại được.</translation>
        </message>
        <message>
            <source>{name} does not hold this title, so cannot be dismissed.</source>
            <translation>{name} không giữ chức danh này nên không miễn nhiệm được.</translation>
        </message>
        <message>
            <source>not the current title</source>
            <translation>không phải chức danh hiện tại</translation>
        </message>
        <message>
            <source>{name} already has a {kind} procedure for this title under way.</source>
            <translation>{name} đã có quy trình {kind} chức danh này đang thực hiện.</translation>
        </message>
        <message>
            <source>Only an officer, the head of office or an administrator may record the policy.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được ghi chủ trương.</translation>
        </message>
        <message>
            <source>Enter the date the policy was submitted.</source>
            <translation>Nhập ngày trình chủ trương.</translation>
        </message>
        <message>
            <source>The approval date is before the submission date.</source>
            <translation>Ngày phê duyệt trước ngày trình.</translation>
        </message>
        <message>
            <source>Enter the number and symbol of the document approving the policy.</source>
            <translation>Ghi số, ký hiệu văn bản phê duyệt chủ trương.</translation>
        </message>
        <message>
            <source>The policy could not be saved: {problems}</source>
            <translation>Chủ trương chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>A step was already held on {date}, before the policy's approval date.</source>
            <translation>Đã có bước họp ngày {date}, trước ngày phê duyệt chủ trương.</translation>
        </message>
        <message>
            <source>after a held step</source>
            <translation>sau bước đã họp</translation>
        </message>
        <message>
            <source>Only an officer, the head of office or an administrator may record the results of the steps.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được ghi kết quả các bước.</translation>
        </message>
        <message>
            <source>This procedure has no step {no}.</source>
            <translation>Quy trình này không có bước {no}.</translation>
        </message>
        <message>
            <source>does not exist</source>
            <translation>không có</translation>
        </message>
        <message>
            <source>Step {no} could not be saved: {problems}</source>
            <translation>Bước {no} chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>There is no approved policy yet: record the policy before carrying out the steps.</source>
            <translation>Chưa có chủ trương được phê duyệt: ghi chủ trương trước khi tiến hành các bước.</translation>
        </message>
        <message>
            <source>not approved</source>
            <translation>chưa phê duyệt</translation>
        </message>
        <message>
            <source>The meeting date is before the policy's approval date ({date}).</source>
            <translation>Ngày họp trước ngày phê duyệt chủ trương ({date}).</translation>
        </message>
        <message>
            <source>before the policy</source>
            <translation>trước chủ trương</translation>
        </message>
        <message>
            <source>Step {no} has not been carried out: the steps go in order.</source>
            <translation>Chưa thực hiện bước {no}: các bước tiến hành theo thứ tự.</translation>
        </message>
        <message>
            <source>not this step yet</source>
            <translation>chưa đến bước này</translation>
        </message>
        <message>
            <source>The meeting date is before the date of step {no} ({date}).</source>
            <translation>Ngày họp trước ngày của bước {no} ({date}).</translation>
        </message>
        <message>
            <source>before the previous step</source>
            <translation>trước bước trước</translation>
        </message>
        <message>
            <source>Step {no} failed: the procedure cannot go on (cancel it, or record step {no} again if it was held again).</source>
            <translation>Bước {no} không đạt: quy trình không tiếp tục được (huỷ hoặc ghi lại bước {no} nếu đã họp lại).</translation>
        </message>
        <message>
            <source>a previous step failed</source>
            <translation>bước trước không đạt</translation>
        </message>
        <message>
            <source>The meeting date is after the date of step {no} ({date}).</source>
            <translation>Ngày họp sau ngày của bước {no} ({date}).</translation>
        </message>
        <message>
            <source>after the next step</source>
            <translation>sau bước sau</translation>
        </message>
        <message>
            <source>Only an officer, the head of office or an administrator may update the appointment dossier.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được cập nhật hồ sơ bổ nhiệm.</translation>
        </message>
        <message>
            <source>There is no dossier item «{kind}».</source>
            <translation>Không có thành phần hồ sơ «{kind}».</translation>
        </message>
        <message>
            <source>The document's date is in the future.</source>
            <translation>Ngày của giấy tờ ở tương lai.</translation>
        </message>
        <message>
            <source>after today</source>
            <translation>sau hôm nay</translation>
        </message>
        <message>
            <source>The procedure is {status}.</source>
            <translation>Quy trình {status}.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may record the decision that completes the procedure.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được ghi quyết định kết thúc quy trình.</translation>
        </message>
        <message>
            <source>Enter the decision number (e.g. 12/QĐ-UBND).</source>
            <translation>Nhập số quyết định (ví dụ 12/QĐ-UBND).</translation>
        </message>
        <message>
            <source>Enter the issuing authority.</source>
            <translation>Nhập cơ quan ban hành.</translation>
        </message>
        <message>
            <source>Enter the effective date.</source>
            <translation>Nhập ngày có hiệu lực.</translation>
        </message>
        <message>
            <source>The decision is incomplete: {problems}</source>
            <translation>Quyết định chưa đủ thông tin: {problems}</translation>
        </message>
        <message>
            <source>The procedure cannot be completed yet: {problems}</source>
            <translation>Chưa kết thúc quy trình được: {problems}</translation>
        </message>
        <message>
            <source>incomplete</source>
            <translation>chưa đủ</translation>
        </message>
        <message>
            <source>The decision's signing date is before the meeting of the last step ({date}).</source>
            <translation>Ngày ký quyết định trước ngày họp của bước cuối ({date}).</translation>
        </message>
        <message>
            <source>before the last step</source>
            <translation>trước bước cuối</translation>
        </message>
        <message>
            <source>Someone else has just changed the procedure; open it again to see the latest version.</source>
            <translation>Quy trình vừa được người khác thay đổi; mở lại để xem bản mới nhất.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may cancel the procedure.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được huỷ quy trình.</translation>
        </message>
        <message>
            <source>Enter the reason for cancelling the procedure.</source>
            <translation>Ghi lý do huỷ quy trình.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
    </context>
    <context>
        <name>services.audit</name>
        <message>
            <source>row {seq} ({when}, {actor}, {what})</source>
            <translation>dòng số {seq} ({when}, {actor}, {what})</translation>
        </message>
        <message>
            <source>The audit log</source>
            <translation>Nhật ký thao tác</translation>
        </message>
        <message>
            <source>{subject} was edited at {where}: its content does not match its hash.</source>
            <translation>{subject} đã bị sửa ở {where}: nội dung không khớp mã băm của nó.</translation>
        </message>
        <message>
            <source>{subject} has lost its first rows (before {where}).</source>
            <translation>{subject} bị xoá các dòng đầu tiên (trước {where}).</translation>
        </message>
        <message>
            <source>{subject} has an inserted row: {where} is not part of the chain.</source>
            <translation>{subject} có dòng bị chèn thêm: {where} không thuộc chuỗi.</translation>
        </message>
        <message>
            <source>{subject} has lost row {missing} (between row {previous} and {where}).</source>
            <translation>{subject} bị xoá dòng số {missing} (giữa dòng số {previous} và {where}).</translation>
        </message>
        <message>
            <source>{subject} was edited or replaced at {where}: row {seq} no longer links to it.</source>
            <translation>{subject} đã bị sửa hoặc thay thế ở {where}: dòng số {seq} không còn nối vào nó.</translation>
        </message>
        <message>
            <source>{subject} is intact: {count} rows, the hash chain matches.</source>
            <translation>{subject} toàn vẹn: {count} dòng, chuỗi mã băm khớp.</translation>
        </message>
        <message>
            <source>The log received from “{name}”</source>
            <translation>Nhật ký nhận từ “{name}”</translation>
        </message>
        <message>
            <source>package {seq} received at {time} on {date}</source>
            <translation>gói số {seq} nhận lúc {time} ngày {date}</translation>
        </message>
        <message>
            <source>{subject}: the log file of {where} is missing.</source>
            <translation>{subject}: thiếu tệp nhật ký của {where}.</translation>
        </message>
        <message>
            <source>{subject}: the log file of {where} was changed after it was received (the file's hash no longer matches the one recorded on receipt).</source>
            <translation>{subject}: tệp nhật ký của {where} đã bị sửa sau khi nhận (mã băm của tệp không còn khớp với mã ghi khi nhận).</translation>
        </message>
        <message>
            <source>{subject}: line {line} of the log file of {where} cannot be read.</source>
            <translation>{subject}: dòng {line} trong tệp nhật ký của {where} không đọc được.</translation>
        </message>
        <message>
            <source>{subject}: no entries yet.</source>
            <translation>{subject}: chưa có mục nào.</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Thêm</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <source>Export file</source>
            <translation>Xuất tệp</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>In</translation>
        </message>
        <message>
            <source>View sensitive data</source>
            <translation>Xem thông tin nhạy cảm</translation>
        </message>
        <message>
            <source>Excel import</source>
            <translation>Nhập Excel</translation>
        </message>
        <message>
            <source>Restore backup</source>
            <translation>Khôi phục sao lưu</translation>
        </message>
        <message>
            <source>Load sample data</source>
            <translation>Tạo dữ liệu mẫu</translation>
        </message>
    </context>
    <context>
        <name>services.auth</name>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
        </message>
        <message>
            <source>This account has been disabled. Please contact the administrator.</source>
            <translation>Tài khoản này đã bị vô hiệu hoá. Hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>Wrong password {count} times: the account is locked for {minutes} minutes (until {time}).</source>
            <translation>Nhập sai mật khẩu {count} lần: tài khoản tạm khoá {minutes} phút (đến {time}).</translation>
        </message>
        <message>
            <source>Wrong user name or password. {left} attempts left before the account is locked.</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu. Còn {left} lần thử trước khi tài khoản bị tạm khoá.</translation>
        </message>
        <message>
            <source>The account is locked after too many wrong passwords; try again in {minutes} minutes (at {time}) or ask the administrator to reset the password.</source>
            <translation>Tài khoản đang tạm khoá do nhập sai mật khẩu nhiều lần; thử lại sau {minutes} phút (lúc {time}) hoặc nhờ quản trị viên đặt lại mật khẩu.</translation>
        </message>
        <message>
            <source>The new password must differ from the old one.</source>
            <translation>Mật khẩu mới phải khác mật khẩu cũ.</translation>
        </message>
        <message>
            <source>same as the old password</source>
            <translation>trùng mật khẩu cũ</translation>
        </message>
        <message>
            <source>User not found.</source>
            <translation>Không tìm thấy người dùng.</translation>
        </message>
        <message>
            <source>There is no role «{role}» (choose: {roles}).</source>
            <translation>Vai trò «{role}» không có (chọn: {roles}).</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>không hợp lệ</translation>
        </message>
        <message>
            <source>The user name is missing.</source>
            <translation>Thiếu tên đăng nhập.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>The user name “{name}” already exists.</source>
            <translation>Tên đăng nhập “{name}” đã có.</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>trùng</translation>
        </message>
        <message>
            <source>At least one active administrator must remain.</source>
            <translation>Phải còn ít nhất một quản trị viên đang hoạt động.</translation>
        </message>
        <message>
            <source>last administrator</source>
            <translation>quản trị viên cuối cùng</translation>
        </message>
        <message>
            <source>The auto-lock time must be from 0 (no lock) to 240 minutes.</source>
            <translation>Thời gian tự khoá phải từ 0 (không khoá) đến 240 phút.</translation>
        </message>
        <message>
            <source>out of range</source>
            <translation>ngoài khoảng</translation>
        </message>
    </context>
    <context>
        <name>services.backup</name>
        <message>
            <source>A PostgreSQL database is backed up on the server (pg_dump): the program makes no file copy.</source>
            <translation>Cơ sở dữ liệu PostgreSQL được sao lưu trên máy chủ (pg_dump): phần mềm không tạo bản sao tệp.</translation>
        </message>
        <message>
            <source>Could not back up the database to “{folder}”: {error}. The operation stopped; the data is unchanged.</source>
            <translation>Không sao lưu được cơ sở dữ liệu vào “{folder}”: {error}. Thao tác đã dừng, dữ liệu không đổi.</translation>
        </message>
        <message>
            <source>Database backed up to “{target}”.</source>
            <translation>Đã sao lưu cơ sở dữ liệu vào “{target}”.</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Hằng ngày</translation>
        </message>
        <message>
            <source>Manual backup</source>
            <translation>Sao lưu thủ công</translation>
        </message>
        <message>
            <source>Before an Excel import</source>
            <translation>Trước khi nhập Excel</translation>
        </message>
        <message>
            <source>Before a schema upgrade</source>
            <translation>Trước khi nâng cấp lược đồ</translation>
        </message>
        <message>
            <source>Before receiving a sync package</source>
            <translation>Trước khi nhận gói đồng bộ</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Trước khi khôi phục</translation>
        </message>
        <message>
            <source>Backup file “{path}” not found.</source>
            <translation>Không tìm thấy tệp sao lưu “{path}”.</translation>
        </message>
        <message>
            <source>The file “{name}” is not a database or is damaged ({error}); nothing restored.</source>
            <translation>Tệp “{name}” không phải là cơ sở dữ liệu hoặc đã hỏng ({error}); không khôi phục.</translation>
        </message>
        <message>
            <source>The backup file “{name}” is damaged (integrity check: {result}); nothing restored.</source>
            <translation>Tệp sao lưu “{name}” bị hỏng (kiểm tra toàn vẹn: {result}); không khôi phục.</translation>
        </message>
        <message>
            <source>The file “{name}” is not a Cán bộ Desktop backup; nothing restored.</source>
            <translation>Tệp “{name}” không phải là bản sao lưu của Cán bộ Desktop; không khôi phục.</translation>
        </message>
        <message>
            <source>Backup “{name}” not found (list them with: canbo backup list).</source>
            <translation>Không tìm thấy bản sao lưu “{name}” (xem danh sách bằng: canbo backup list).</translation>
        </message>
        <message>
            <source>Only an administrator may restore the database from a backup: the account “{user}” is locked. The database is unchanged.</source>
            <translation>Chỉ quản trị viên được khôi phục cơ sở dữ liệu từ bản sao lưu: tài khoản “{user}” đã bị khoá. Cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>Only an administrator may restore the database from a backup: the account “{user}” has the role «{role}». The database is unchanged.</source>
            <translation>Chỉ quản trị viên được khôi phục cơ sở dữ liệu từ bản sao lưu: tài khoản “{user}” có vai trò «{role}». Cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>The backup file is the database in use; choose another backup.</source>
            <translation>Tệp sao lưu chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu khác.</translation>
        </message>
        <message>
            <source>Could not restore from “{name}”: {error}. The current database is unchanged.</source>
            <translation>Không khôi phục được từ “{name}”: {error}. Cơ sở dữ liệu hiện tại không đổi.</translation>
        </message>
        <message>
            <source>Database restored from “{name}”. The database as it was before is kept at “{kept}”. New sync epoch: {epoch} (the next send will be a full package).</source>
            <translation>Đã khôi phục cơ sở dữ liệu từ “{name}”. Bản trước khi khôi phục được giữ tại “{kept}”. Kỷ nguyên đồng bộ mới: {epoch} (lần gửi tới sẽ là gói đầy đủ).</translation>
        </message>
        <message>
            <source>Database restored from “{name}”. New sync epoch: {epoch}.</source>
            <translation>Đã khôi phục cơ sở dữ liệu từ “{name}”. Kỷ nguyên đồng bộ mới: {epoch}.</translation>
        </message>
    </context>
    <context>
        <name>services.database</name>
        <message>
            <source>The file “{path}” already exists.</source>
            <translation>Tệp “{path}” đã tồn tại.</translation>
        </message>
    </context>
    <context>
        <name>services.demo</name>
        <message>
            <source>Complete sample records</source>
            <translation>Hồ sơ mẫu đầy đủ</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>This database already has data; sample data is only created in a new file.</source>
            <translation>Cơ sở dữ liệu này đã có dữ liệu; dữ liệu mẫu chỉ tạo trên một tệp mới.</translation>
        </message>
        <message>
            <source>Organisation tree: {count} units</source>
            <translation>Cây tổ chức: {count} đơn vị</translation>
        </message>
        <message>
            <source>Created {done} / {total} people</source>
            <translation>Đã tạo {done} / {total} cán bộ</translation>
        </message>
    </context>
    <context>
        <name>services.eligibility</name>
        <message>
            <source>There is no title «{code}» in the code list.</source>
            <translation>Không có chức danh «{code}» trong danh mục.</translation>
        </message>
        <message>
            <source>This person's record was not found.</source>
            <translation>Không tìm thấy hồ sơ cán bộ này.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may record a special case.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được ghi trường hợp đặc biệt.</translation>
        </message>
        <message>
            <source>Enter the number and date of the competent authority's document approving the special case.</source>
            <translation>Ghi số, ngày văn bản của cấp có thẩm quyền đồng ý trường hợp đặc biệt.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>There is no condition «{code}».</source>
            <translation>Không có điều kiện «{code}».</translation>
        </message>
        <message>
            <source>The condition «{name}» is not failed: no special case is needed.</source>
            <translation>Điều kiện «{name}» không bị trượt: không cần ghi trường hợp đặc biệt.</translation>
        </message>
    </context>
    <context>
        <name>services.evaluation</name>
        <message>
            <source>The {year} evaluation round of {unit}</source>
            <translation>Đợt đánh giá năm {year} của {unit}</translation>
        </message>
        <message>
            <source>{round} is locked: it can only be changed by a correction with a reason (head of office or administrator).</source>
            <translation>{round} đã khoá: chỉ thay đổi được bằng đính chính có ghi lý do (lãnh đạo phòng hoặc quản trị viên).</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>đã khoá</translation>
        </message>
        <message>
            <source>{round} has been approved: the head of office reopens the round before any change.</source>
            <translation>{round} đã được phê duyệt: lãnh đạo phòng mở lại đợt đánh giá trước khi sửa.</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>đã phê duyệt</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may open an evaluation round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được mở đợt đánh giá.</translation>
        </message>
        <message>
            <source>{unit} already has an evaluation round for {year}.</source>
            <translation>{unit} đã có đợt đánh giá năm {year}.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may add people to an evaluation round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được bổ sung người vào đợt đánh giá.</translation>
        </message>
        <message>
            <source>There is no unit with code «{code}».</source>
            <translation>Không có đơn vị mã «{code}».</translation>
        </message>
        <message>
            <source>This result belongs to no evaluation round.</source>
            <translation>Kết quả này không thuộc đợt đánh giá nào.</translation>
        </message>
        <message>
            <source>Over the quota of «{level}»: {details} Basis: {source}.</source>
            <translation>Vượt tỷ lệ «{level}»: {details} Căn cứ: {source}.</translation>
        </message>
        <message>
            <source>{count} people still have no result: {names}.</source>
            <translation>Còn {count} người chưa có kết quả: {names}.</translation>
        </message>
        <message>
            <source>{count} people have a stored level that differs from the level under the current rules: {names}.</source>
            <translation>{count} người có mức đã lưu khác mức theo quy định hiện hành: {names}.</translation>
        </message>
        <message>
            <source>{names} and {count} others</source>
            <translation>{names} và {count} người khác</translation>
        </message>
        <message>
            <source>The general score and the task score are not both entered (under the rules: «{level}»).</source>
            <translation>Chưa nhập đủ điểm tiêu chí chung và điểm kết quả nhiệm vụ (theo quy định: «{level}»).</translation>
        </message>
        <message>
            <source>The general score and the task score are not both entered.</source>
            <translation>Chưa nhập đủ điểm tiêu chí chung và điểm kết quả nhiệm vụ.</translation>
        </message>
        <message>
            <source>No result entered (under the rules: «{level}»).</source>
            <translation>Chưa nhập kết quả (theo quy định: «{level}»).</translation>
        </message>
        <message>
            <source>No result entered.</source>
            <translation>Chưa nhập kết quả.</translation>
        </message>
        <message>
            <source>The stored level «{stored}» differs from the level under the current rules «{computed}»: a correction is needed.</source>
            <translation>Mức đã lưu «{stored}» khác mức theo quy định hiện hành «{computed}»: cần đính chính.</translation>
        </message>
        <message>
            <source>The stored level «{stored}» differs from the level under the current rules «{computed}»: save this person's result again.</source>
            <translation>Mức đã lưu «{stored}» khác mức theo quy định hiện hành «{computed}»: lưu lại kết quả của người này.</translation>
        </message>
        <message>
            <source>There is no exclusion condition: {codes}.</source>
            <translation>Không có điều kiện loại trừ: {codes}.</translation>
        </message>
        <message>
            <source>The months worked in the year must be a whole number from 0 to 12.</source>
            <translation>Số tháng công tác trong năm phải là số tháng tròn trong khoảng 0–12.</translation>
        </message>
        <message>
            <source>The months off work must be a whole number from 0 to 12.</source>
            <translation>Số tháng nghỉ không làm việc phải là số tháng tròn trong khoảng 0–12.</translation>
        </message>
        <message>
            <source>Choose one of the levels: {levels}.</source>
            <translation>Chọn một trong các mức: {levels}.</translation>
        </message>
        <message>
            <source>In {year} the rating follows the proposed level (NĐ 90/2020), without scores.</source>
            <translation>Năm {year} xếp loại theo mức đề xuất (NĐ 90/2020), không chấm điểm.</translation>
        </message>
        <message>
            <source>In {year} the rating follows the scores (NĐ 335/2025): the total score decides the level.</source>
            <translation>Năm {year} xếp loại theo điểm (NĐ 335/2025): mức do tổng điểm quyết định.</translation>
        </message>
        <message>
            <source>The general score must be between 0 and {maximum}.</source>
            <translation>Điểm tiêu chí chung phải trong khoảng 0–{maximum}.</translation>
        </message>
        <message>
            <source>There are no work products yet to compute the task score from.</source>
            <translation>Chưa có sản phẩm để tính điểm kết quả thực hiện nhiệm vụ.</translation>
        </message>
        <message>
            <source>The task score must be between 0 and {maximum}.</source>
            <translation>Điểm kết quả thực hiện nhiệm vụ phải trong khoảng 0–{maximum}.</translation>
        </message>
        <message>
            <source>The result could not be saved: {problems}</source>
            <translation>Kết quả chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>Only an officer or the head of office may enter evaluation results.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng được nhập kết quả đánh giá.</translation>
        </message>
        <message>
            <source>This result belongs to no evaluation round: open the unit's evaluation round first.</source>
            <translation>Kết quả này không thuộc đợt đánh giá nào: mở đợt đánh giá của đơn vị trước.</translation>
        </message>
        <message>
            <source>Someone else has just changed this person's result; reload the table to see the latest version.</source>
            <translation>Kết quả của người này vừa được người khác sửa; tải lại bảng để xem bản mới nhất.</translation>
        </message>
        <message>
            <source>The work product could not be saved: {problems}</source>
            <translation>Sản phẩm chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>Only an officer or the head of office may enter work products.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng được nhập sản phẩm.</translation>
        </message>
        <message>
            <source>Only an officer or the head of office may edit work products.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng được sửa sản phẩm.</translation>
        </message>
        <message>
            <source>Only an officer or the head of office may delete work products.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng được xoá sản phẩm.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may approve the evaluation results.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được phê duyệt kết quả đánh giá.</translation>
        </message>
        <message>
            <source>{round} is not open for entry ({status}).</source>
            <translation>{round} không ở trạng thái đang nhập ({status}).</translation>
        </message>
        <message>
            <source>Cannot approve yet: {problems}</source>
            <translation>Chưa phê duyệt được: {problems}</translation>
        </message>
        <message>
            <source>conditions not met</source>
            <translation>chưa đủ điều kiện</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may reopen an evaluation round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được mở lại đợt đánh giá.</translation>
        </message>
        <message>
            <source>{round} is locked: it cannot be reopened, only each result corrected.</source>
            <translation>{round} đã khoá: không mở lại được, chỉ đính chính từng kết quả.</translation>
        </message>
        <message>
            <source>{round} is open for entry, not approved yet.</source>
            <translation>{round} đang nhập kết quả, chưa phê duyệt.</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may lock an evaluation round.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được khoá đợt đánh giá.</translation>
        </message>
        <message>
            <source>{round} was already locked.</source>
            <translation>{round} đã khoá trước đó.</translation>
        </message>
        <message>
            <source>{round} is not approved: approve it before locking.</source>
            <translation>{round} chưa được phê duyệt: phê duyệt trước khi khoá.</translation>
        </message>
        <message>
            <source>Enter the months worked in the year.</source>
            <translation>Nhập số tháng công tác trong năm.</translation>
        </message>
        <message>
            <source>Enter the months off work.</source>
            <translation>Nhập số tháng nghỉ không làm việc.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>Only the head of office or an administrator may correct an evaluation result.</source>
            <translation>Chỉ lãnh đạo phòng hoặc quản trị viên được đính chính kết quả đánh giá.</translation>
        </message>
        <message>
            <source>Enter the reason for the correction (its basis, the document if any).</source>
            <translation>Ghi lý do đính chính (căn cứ, văn bản nếu có).</translation>
        </message>
        <message>
            <source>The field «{field}» cannot be corrected.</source>
            <translation>Không đính chính được trường «{field}».</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>không hợp lệ</translation>
        </message>
        <message>
            <source>{round} is not locked: edit it directly in the table, no correction is needed.</source>
            <translation>{round} chưa khoá: sửa trực tiếp trong bảng, không cần đính chính.</translation>
        </message>
        <message>
            <source>The new value is the same as the stored one: there is nothing to correct.</source>
            <translation>Giá trị mới giống giá trị đang lưu: không có gì để đính chính.</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>không đổi</translation>
        </message>
    </context>
    <context>
        <name>services.export</name>
        <message>
            <source>Your account may not view sensitive data, so the Ethnicity and Religion columns cannot be exported. Untick these columns or ask the administrator for the permission.</source>
            <translation>Tài khoản của anh/chị không được xem thông tin nhạy cảm nên không xuất được các cột Dân tộc, Tôn giáo. Bỏ chọn các cột này hoặc nhờ quản trị viên cấp quyền.</translation>
        </message>
        <message>
            <source>The folder “{folder}” does not exist.</source>
            <translation>Thư mục “{folder}” không tồn tại.</translation>
        </message>
        <message>
            <source>Wrote {count} people</source>
            <translation>Đã ghi {count} người</translation>
        </message>
        <message>
            <source>Could not write the file “{path}”: {error}.</source>
            <translation>Không ghi được tệp “{path}”: {error}.</translation>
        </message>
    </context>
    <context>
        <name>services.importing</name>
        <message>
            <source>add new and update</source>
            <translation>thêm mới và cập nhật</translation>
        </message>
        <message>
            <source>add new only</source>
            <translation>chỉ thêm mới</translation>
        </message>
        <message>
            <source>update only</source>
            <translation>chỉ cập nhật</translation>
        </message>
        <message>
            <source>ethnicity</source>
            <translation>dân tộc</translation>
        </message>
        <message>
            <source>religion</source>
            <translation>tôn giáo</translation>
        </message>
        <message>
            <source>professional qualification</source>
            <translation>trình độ chuyên môn</translation>
        </message>
        <message>
            <source>political theory</source>
            <translation>lý luận chính trị</translation>
        </message>
        <message>
            <source>state management</source>
            <translation>quản lý nhà nước</translation>
        </message>
        <message>
            <source>academic title</source>
            <translation>học hàm</translation>
        </message>
        <message>
            <source>cadre category</source>
            <translation>loại cán bộ</translation>
        </message>
        <message>
            <source>employment status</source>
            <translation>trạng thái công tác</translation>
        </message>
        <message>
            <source>blood group</source>
            <translation>nhóm máu</translation>
        </message>
        <message>
            <source>civil service grade</source>
            <translation>ngạch công chức</translation>
        </message>
        <message>
            <source>{message} The database is unchanged.</source>
            <translation>{message} Cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>File “{path}” not found.</source>
            <translation>Không tìm thấy tệp “{path}”.</translation>
        </message>
        <message>
            <source>Could not read the file “{path}”: {error}.</source>
            <translation>Không đọc được tệp “{path}”: {error}.</translation>
        </message>
        <message>
            <source>The file “{name}” is empty.</source>
            <translation>Tệp “{name}” rỗng.</translation>
        </message>
        <message>
            <source>The file “{name}” is too large ({size} MB; at most {maximum} MB). Split the list into several files.</source>
            <translation>Tệp “{name}” quá lớn ({size} MB; tối đa {maximum} MB). Hãy tách danh sách thành nhiều tệp.</translation>
        </message>
        <message>
            <source>The file “{name}” is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook), save it and import it again.</source>
            <translation>Tệp “{name}” được đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại và nhập.</translation>
        </message>
        <message>
            <source>The file “{name}” is an Excel 97–2003 file (.xls). Open it in Excel, save it as “Excel Workbook (.xlsx)” and import the .xlsx file.</source>
            <translation>Tệp “{name}” là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu thành “Sổ làm việc Excel (.xlsx)” rồi nhập tệp .xlsx.</translation>
        </message>
        <message>
            <source>The file “{name}” is not an Excel .xlsx file (it may be CSV, HTML or a renamed file). Open it in Excel and save it as “Excel Workbook (.xlsx)”.</source>
            <translation>Tệp “{name}” không phải là tệp Excel .xlsx (có thể là CSV, HTML hoặc tệp đã đổi tên). Hãy mở bằng Excel và lưu thành “Sổ làm việc Excel (.xlsx)”.</translation>
        </message>
        <message>
            <source>The file “{name}” has too many parts: it is not an ordinary spreadsheet.</source>
            <translation>Tệp “{name}” có quá nhiều thành phần: không phải bảng tính thông thường.</translation>
        </message>
        <message>
            <source>The file “{name}” is not a valid Excel .xlsx workbook.</source>
            <translation>Tệp “{name}” không phải là bảng tính Excel .xlsx hợp lệ.</translation>
        </message>
        <message>
            <source>The file “{name}” is password-protected: remove the password and import it again.</source>
            <translation>Tệp “{name}” được đặt mật khẩu: hãy bỏ mật khẩu rồi nhập lại.</translation>
        </message>
        <message>
            <source>The file “{name}” has links to other files (External Links). Remove them (Data → Edit Links → Break Link), save and import again.</source>
            <translation>Tệp “{name}” có liên kết tới tệp khác (External Links). Hãy bỏ liên kết (Dữ liệu → Sửa liên kết → Ngắt liên kết), lưu lại rồi nhập.</translation>
        </message>
        <message>
            <source>The file “{name}” is damaged or not a valid .xlsx file.</source>
            <translation>Tệp “{name}” bị hỏng hoặc không phải là tệp .xlsx hợp lệ.</translation>
        </message>
        <message>
            <source>The file “{name}” cannot be read ({error}).</source>
            <translation>Tệp “{name}” không đọc được ({error}).</translation>
        </message>
        <message>
            <source>The file “{name}” is abnormally large when unpacked (suspected malicious file). The program does not open it; check where the file came from.</source>
            <translation>Tệp “{name}” khi giải nén lớn bất thường (nghi là tệp độc hại). Phần mềm không mở tệp này; hãy kiểm tra nguồn tệp.</translation>
        </message>
        <message>
            <source>The file “{name}” contains a forbidden XML declaration (DOCTYPE). The program does not open it.</source>
            <translation>Tệp “{name}” chứa khai báo XML không được phép (DOCTYPE). Phần mềm không mở tệp này.</translation>
        </message>
        <message>
            <source>The file “{name}” has an abnormal XML structure. The program does not open it.</source>
            <translation>Tệp “{name}” có cấu trúc XML bất thường. Phần mềm không mở tệp này.</translation>
        </message>
        <message>
            <source>The file “{name}” is damaged; the workbook cannot be read ({error}).</source>
            <translation>Tệp “{name}” bị hỏng, không đọc được bảng tính ({error}).</translation>
        </message>
        <message>
            <source>Capitals font: “{original}” → “{converted}”.</source>
            <translation>Phông chữ in hoa: “{original}” → “{converted}”.</translation>
        </message>
        <message>
            <source>Converted from {encoding} (by font, capitals font): “{original}” → “{converted}”.</source>
            <translation>Chuyển từ {encoding} (theo phông chữ, phông chữ in hoa): “{original}” → “{converted}”.</translation>
        </message>
        <message>
            <source>Converted from {encoding} (by font): “{original}” → “{converted}”.</source>
            <translation>Chuyển từ {encoding} (theo phông chữ): “{original}” → “{converted}”.</translation>
        </message>
        <message>
            <source>Converted from {encoding} (by character statistics, capitals font): “{original}” → “{converted}”.</source>
            <translation>Chuyển từ {encoding} (theo thống kê ký tự, phông chữ in hoa): “{original}” → “{converted}”.</translation>
        </message>
        <message>
            <source>Converted from {encoding} (by character statistics): “{original}” → “{converted}”.</source>
            <translation>Chuyển từ {encoding} (theo thống kê ký tự): “{original}” → “{converted}”.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Đã huỷ.</translation>
        </message>
        <message>
            <source>The file has no sheet “{sheet}”. Its sheets: {sheets}.</source>
            <translation>Tệp không có trang tính “{sheet}”. Các trang: {sheets}.</translation>
        </message>
        <message>
            <source>The sheet “{sheet}” has more than {count} rows: split it into several files.</source>
            <translation>Trang tính “{sheet}” có hơn {count} dòng: hãy tách thành nhiều tệp.</translation>
        </message>
        <message>
            <source>Read {count} rows</source>
            <translation>Đã đọc {count} dòng</translation>
        </message>
        <message>
            <source>{label} (sensitive)</source>
            <translation>{label} (nhạy cảm)</translation>
        </message>
        <message>
            <source>(do not import this column)</source>
            <translation>(không nhập cột này)</translation>
        </message>
        <message>
            <source>Header row {row} is outside the sheet (it has {count} rows).</source>
            <translation>Dòng tiêu đề {row} nằm ngoài trang tính (có {count} dòng).</translation>
        </message>
        <message>
            <source>No header row (e.g. “Họ và tên”, “Ngày sinh”) found in the first 40 rows. Choose the header row or use a column mapping file.</source>
            <translation>Không tìm thấy dòng tiêu đề (ví dụ “Họ và tên”, “Ngày sinh”) trong 40 dòng đầu. Hãy chọn dòng tiêu đề hoặc dùng tệp cấu hình cột.</translation>
        </message>
        <message>
            <source>The column mapping file must be a JSON object.</source>
            <translation>Tệp cấu hình cột phải là một đối tượng JSON.</translation>
        </message>
        <message>
            <source>“header_row” in the column mapping file must be a row number (numbered as in Excel).</source>
            <translation>“header_row” trong tệp cấu hình cột phải là số dòng (đánh số như Excel).</translation>
        </message>
        <message>
            <source>“columns” in the column mapping file must be a JSON object.</source>
            <translation>“columns” trong tệp cấu hình cột phải là một đối tượng JSON.</translation>
        </message>
        <message>
            <source>Column mapping file: “{field}” is not a valid field name.</source>
            <translation>Tệp cấu hình cột: “{field}” không phải là tên trường hợp lệ.</translation>
        </message>
        <message>
            <source>Column mapping file: there is no column “{column}” in the header row.</source>
            <translation>Tệp cấu hình cột: không có cột “{column}” trong dòng tiêu đề.</translation>
        </message>
        <message>
            <source>Checked {done} / {total} rows</source>
            <translation>Đã kiểm tra {done} / {total} dòng</translation>
        </message>
        <message>
            <source>There is no unit with code “{code}”.</source>
            <translation>Không có đơn vị mã “{code}”.</translation>
        </message>
        <message>
            <source>There is no unit “{name}” in the organisation chart.</source>
            <translation>Không có đơn vị “{name}” trong cơ cấu tổ chức.</translation>
        </message>
        <message>
            <source>There are {count} units named “{name}”: add a Unit code column to tell them apart.</source>
            <translation>Có {count} đơn vị tên “{name}”: thêm cột Mã đơn vị để phân biệt.</translation>
        </message>
        <message>
            <source>The CCCD number repeats row {row} of the file.</source>
            <translation>Số CCCD trùng với dòng {row} của tệp.</translation>
        </message>
        <message>
            <source>Same name, birth date and birthplace as row {row} of the file.</source>
            <translation>Trùng họ tên, ngày sinh, nơi sinh với dòng {row} của tệp.</translation>
        </message>
        <message>
            <source>Matching against the database</source>
            <translation>Đối chiếu với cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>This CCCD number is on {count} records in the database: resolve the duplicates before importing.</source>
            <translation>Số CCCD này có ở {count} hồ sơ trong cơ sở dữ liệu: cần xử lý trùng lặp trước khi nhập.</translation>
        </message>
        <message>
            <source>This CCCD number is already on the record of {name}, born {born}, a different name from this row. Check the CCCD number; if this person changed name, correct it in the record.</source>
            <translation>Số CCCD này đã có trong hồ sơ của {name}, sinh {born}, khác tên ở dòng này. Kiểm tra lại số CCCD; nếu người này đổi tên, hãy sửa trong hồ sơ.</translation>
        </message>
        <message>
            <source>This CCCD number is already on the record of {name}, a different name from this row. Check the CCCD number; if this person changed name, correct it in the record.</source>
            <translation>Số CCCD này đã có trong hồ sơ của {name}, khác tên ở dòng này. Kiểm tra lại số CCCD; nếu người này đổi tên, hãy sửa trong hồ sơ.</translation>
        </message>
        <message>
            <source>There are {count} records with the same name, birth date and birthplace: add the CCCD number (or the birthplace) to tell them apart.</source>
            <translation>Có {count} hồ sơ cùng họ tên, ngày sinh, nơi sinh: thêm số CCCD (hoặc nơi sinh) để phân biệt.</translation>
        </message>
        <message>
            <source>There are {count} records with the same name and birth date: add the CCCD number (or the birthplace) to tell them apart.</source>
            <translation>Có {count} hồ sơ cùng họ tên, ngày sinh: thêm số CCCD (hoặc nơi sinh) để phân biệt.</translation>
        </message>
        <message>
            <source>The matching record ({name}) is in the trash: restore it first, then import again.</source>
            <translation>Hồ sơ khớp ({name}) đang ở thùng rác: khôi phục trước rồi nhập lại.</translation>
        </message>
        <message>
            <source>Comparing each record</source>
            <translation>Đối chiếu từng hồ sơ</translation>
        </message>
        <message>
            <source>The full name is missing.</source>
            <translation>Thiếu họ và tên.</translation>
        </message>
        <message>
            <source>The sex is missing (Nam/Nữ).</source>
            <translation>Thiếu giới tính (Nam/Nữ).</translation>
        </message>
        <message>
            <source>The birth date is missing (or at least the year).</source>
            <translation>Thiếu ngày sinh (hoặc ít nhất năm sinh).</translation>
        </message>
        <message>
            <source>The unit is missing: add a Unit/Unit code column or choose a default unit.</source>
            <translation>Thiếu đơn vị: thêm cột Đơn vị/Mã đơn vị hoặc chọn đơn vị mặc định.</translation>
        </message>
        <message>
            <source>No record found to update (by CCCD number, or name, birth date and birthplace); the “update only” mode adds no new people.</source>
            <translation>Không tìm thấy hồ sơ để cập nhật (theo số CCCD, hoặc họ tên, ngày sinh và nơi sinh); chế độ “chỉ cập nhật” không thêm người mới.</translation>
        </message>
        <message>
            <source>There is already a record {name} (matched by CCCD number); the “add new only” mode does not update existing people.</source>
            <translation>Đã có hồ sơ {name} (khớp theo số CCCD); chế độ “chỉ thêm mới” không cập nhật người đã có.</translation>
        </message>
        <message>
            <source>There is already a record {name} (matched by name and birth date); the “add new only” mode does not update existing people.</source>
            <translation>Đã có hồ sơ {name} (khớp theo họ tên, ngày sinh); chế độ “chỉ thêm mới” không cập nhật người đã có.</translation>
        </message>
        <message>
            <source>This CCCD number is already on the record of {name}.</source>
            <translation>Số CCCD này đã có trong hồ sơ của {name}.</translation>
        </message>
        <message>
            <source>The import mode “{mode}” is not valid (upsert, insert or update).</source>
            <translation>Chế độ nhập “{mode}” không hợp lệ (upsert, insert hoặc update).</translation>
        </message>
        <message>
            <source>The column mapping is not right: {problems}</source>
            <translation>Cấu hình cột chưa đúng: {problems}</translation>
        </message>
        <message>
            <source>Writing to the database</source>
            <translation>Đang ghi vào cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>The data has changed since the preview (someone has just edited a record). Preview again, then import.</source>
            <translation>Dữ liệu đã thay đổi từ lúc xem trước (có người vừa sửa hồ sơ). Hãy xem trước lại rồi nhập.</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>Đã nhập xong</translation>
        </message>
        <message>
            <source>Column mapping file “{path}” not found.</source>
            <translation>Không tìm thấy tệp cấu hình cột “{path}”.</translation>
        </message>
        <message>
            <source>The column mapping file “{name}” is not valid JSON: {error}.</source>
            <translation>Tệp cấu hình cột “{name}” không phải JSON hợp lệ: {error}.</translation>
        </message>
    </context>
    <context>
        <name>services.locking</name>
        <message>
            <source>a network path (UNC)</source>
            <translation>đường dẫn mạng (UNC)</translation>
        </message>
        <message>
            <source>the network drive {drive}:</source>
            <translation>ổ đĩa mạng {drive}:</translation>
        </message>
        <message>
            <source>a network folder ({kind})</source>
            <translation>thư mục mạng ({kind})</translation>
        </message>
        <message>
            <source>The database “{file}” is on {reason}. SQLite is not safe to write over a network (SMB/NFS): the data can be damaged when two computers write at once or the network drops. Copy the file to a disk of this computer, or use a PostgreSQL server if several computers in the office need to share one database.</source>
            <translation>Cơ sở dữ liệu “{file}” nằm trên {reason}. SQLite không an toàn khi ghi qua mạng (SMB/NFS): dữ liệu có thể bị hỏng khi hai máy cùng ghi hoặc khi mạng chập chờn. Hãy chép tệp về ổ đĩa của máy này, hoặc dùng máy chủ PostgreSQL nếu nhiều máy trong cơ quan cần dùng chung một cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>{time} on {date}</source>
            <translation>{time} ngày {date}</translation>
        </message>
        <message>
            <source>computer “{host}”, user “{user}”, process {pid}, open since {when}</source>
            <translation>máy “{host}”, người dùng “{user}”, tiến trình số {pid}, mở từ {when}</translation>
        </message>
        <message>
            <source>Could not create the lock file “{file}”: {error}.</source>
            <translation>Không tạo được tệp khoá “{file}”: {error}.</translation>
        </message>
        <message>
            <source>another program</source>
            <translation>một chương trình khác</translation>
        </message>
        <message>
            <source>The database “{name}” is open for writing by {who}. Two programs writing one file can lose data: close the other program, then open it again.</source>
            <translation>Cơ sở dữ liệu “{name}” đang được mở để ghi bởi {who}. Hai chương trình cùng ghi một tệp có thể làm mất dữ liệu: hãy đóng chương trình kia rồi mở lại.</translation>
        </message>
    </context>
    <context>
        <name>services.pdf.batch</name>
        <message>
            <source>Printing failed: {error}</source>
            <translation>Lỗi khi in: {error}</translation>
        </message>
        <message>
            <source>Cannot print: {outside}/{total} of the chosen people belong to units outside your scope ({scope}). Leave them out and print again; no file was created.</source>
            <translation>Không in được: {outside}/{total} người đã chọn thuộc đơn vị ngoài phạm vi của anh/chị ({scope}). Bỏ những người đó ra rồi in lại; chưa tệp nào được tạo.</translation>
        </message>
        <message>
            <source>Cannot print: {outside}/{total} of the chosen people belong to units outside your scope. Leave them out and print again; no file was created.</source>
            <translation>Không in được: {outside}/{total} người đã chọn thuộc đơn vị ngoài phạm vi của anh/chị. Bỏ những người đó ra rồi in lại; chưa tệp nào được tạo.</translation>
        </message>
        <message>
            <source>There is no CV form «{form}».</source>
            <translation>Mẫu sơ yếu lý lịch «{form}» không có.</translation>
        </message>
        <message>
            <source>Choose a folder (one file per person) or one merged file.</source>
            <translation>Chọn thư mục (mỗi người một tệp) hoặc một tệp gộp.</translation>
        </message>
        <message>
            <source>Printed {done} / {total} CVs</source>
            <translation>Đã in {done} / {total} sơ yếu lý lịch</translation>
        </message>
        <message>
            <source>The CV printing process stopped abnormally (out of memory or closed by the operating system). Try again with fewer people.</source>
            <translation>Tiến trình in sơ yếu lý lịch bị dừng bất thường (thiếu bộ nhớ hoặc bị hệ điều hành đóng). Hãy thử lại với ít người hơn.</translation>
        </message>
        <message>
            <source>Stopped as requested.</source>
            <translation>Đã dừng theo yêu cầu.</translation>
        </message>
        <message>
            <source>Done: {count} CVs.</source>
            <translation>Xong: {count} sơ yếu lý lịch.</translation>
        </message>
    </context>
    <context>
        <name>services.pdf.cv</name>
        <message>
            <source>There is no CV form «{form}»; choose «bnv» (2C-BNV/2008) or «tctw» (2C/TCTW-98).</source>
            <translation>Mẫu sơ yếu lý lịch «{form}» không có; chọn «bnv» (2C-BNV/2008) hoặc «tctw» (2C/TCTW-98).</translation>
        </message>
    </context>
    <context>
        <name>services.pdf.dossier</name>
        <message>
            <source>There is no CV form «{form}».</source>
            <translation>Mẫu sơ yếu lý lịch «{form}» không có.</translation>
        </message>
        <message>
            <source>The procedure is not linked to the unit of the post being filled.</source>
            <translation>Quy trình chưa gắn với đơn vị có chức danh bổ nhiệm.</translation>
        </message>
    </context>
    <context>
        <name>services.planning</name>
        <message>
            <source>Only an officer, the head of office or an administrator may update the planning.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được cập nhật quy hoạch.</translation>
        </message>
        <message>
            <source>Enter the number and symbol of the document approving the planning.</source>
            <translation>Ghi số, ký hiệu văn bản phê duyệt quy hoạch.</translation>
        </message>
        <message>
            <source>Enter the approval date.</source>
            <translation>Nhập ngày phê duyệt.</translation>
        </message>
        <message>
            <source>Could not add to the planning: {problems}</source>
            <translation>Chưa đưa vào quy hoạch được: {problems}</translation>
        </message>
        <message>
            <source>There is no title «{code}» in the code list.</source>
            <translation>Không có chức danh «{code}» trong danh mục.</translation>
        </message>
        <message>
            <source>{name} is already in the planning for the title «{title}», term {term}.</source>
            <translation>{name} đã có trong quy hoạch chức danh «{title}» nhiệm kỳ {term}.</translation>
        </message>
        <message>
            <source>already there</source>
            <translation>đã có</translation>
        </message>
        <message>
            <source>Enter the number and symbol of the document removing from the planning.</source>
            <translation>Ghi số, ký hiệu văn bản đưa ra khỏi quy hoạch.</translation>
        </message>
        <message>
            <source>Enter the reason for removing from the planning.</source>
            <translation>Ghi lý do đưa ra khỏi quy hoạch.</translation>
        </message>
        <message>
            <source>Could not remove from the planning: {problems}</source>
            <translation>Chưa đưa ra khỏi quy hoạch được: {problems}</translation>
        </message>
        <message>
            <source>This person was already removed from the planning.</source>
            <translation>Người này đã được đưa ra khỏi quy hoạch trước đó.</translation>
        </message>
        <message>
            <source>already removed</source>
            <translation>đã đưa ra</translation>
        </message>
        <message>
            <source>The removal date is before the date of entry into the planning.</source>
            <translation>Ngày đưa ra khỏi quy hoạch trước ngày đưa vào.</translation>
        </message>
        <message>
            <source>before the entry date</source>
            <translation>trước ngày đưa vào</translation>
        </message>
        <message>
            <source>Conditions could not be checked</source>
            <translation>Không kiểm tra được điều kiện</translation>
        </message>
        <message>
            <source>In {year}: {consequence}</source>
            <translation>Năm {year}: {consequence}</translation>
        </message>
    </context>
    <context>
        <name>services.records</name>
        <message>
            <source>This CCCD number is already on the record of a person of another unit (outside your scope).</source>
            <translation>Số CCCD này đã có trong hồ sơ của một người thuộc đơn vị khác (ngoài phạm vi của anh/chị).</translation>
        </message>
        <message>
            <source>This CCCD number is already on the record of {name} ({unit}).</source>
            <translation>Số CCCD này đã có trong hồ sơ của {name} ({unit}).</translation>
        </message>
        <message>
            <source>The record could not be saved: {problems}</source>
            <translation>Hồ sơ chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>Someone else has changed this record (or it came in by sync) after you opened it. Close and reopen the record to see the latest version.</source>
            <translation>Hồ sơ này vừa được người khác sửa (hoặc nhận từ đồng bộ) sau khi anh/chị mở nó. Hãy đóng và mở lại hồ sơ để xem bản mới nhất.</translation>
        </message>
        <message>
            <source>Only an administrator may delete records for good.</source>
            <translation>Chỉ quản trị viên mới được xoá vĩnh viễn hồ sơ.</translation>
        </message>
        <message>
            <source>Type “XOÁ VĨNH VIỄN” exactly to confirm.</source>
            <translation>Hãy gõ đúng “XOÁ VĨNH VIỄN” để xác nhận.</translation>
        </message>
        <message>
            <source>not right</source>
            <translation>chưa đúng</translation>
        </message>
        <message>
            <source>“{name}” is not in the trash: move it to the trash first.</source>
            <translation>“{name}” chưa ở thùng rác: hãy xoá vào thùng rác trước.</translation>
        </message>
        <message>
            <source>The record is in the trash: restore it before recording a decision.</source>
            <translation>Hồ sơ đang ở thùng rác: khôi phục trước khi ghi quyết định.</translation>
        </message>
        <message>
            <source>Enter the reason for cancelling the decision.</source>
            <translation>Nhập lý do huỷ quyết định.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>Decision not found.</source>
            <translation>Không tìm thấy quyết định.</translation>
        </message>
        <message>
            <source>This decision was already cancelled.</source>
            <translation>Quyết định này đã bị huỷ trước đó.</translation>
        </message>
        <message>
            <source>Cannot cancel: the later decision no. {number} ({kind}) changed the same information. Cancel that decision first.</source>
            <translation>Không huỷ được: quyết định sau số {number} ({kind}) đã thay đổi cùng thông tin. Hãy huỷ quyết định đó trước.</translation>
        </message>
        <message>
            <source>The photo file is too large (at most 15 MB).</source>
            <translation>Tệp ảnh quá lớn (tối đa 15 MB).</translation>
        </message>
        <message>
            <source>too large</source>
            <translation>quá lớn</translation>
        </message>
        <message>
            <source>The photo has too many pixels.</source>
            <translation>Ảnh có kích thước điểm ảnh quá lớn.</translation>
        </message>
        <message>
            <source>The chosen file is not a picture (JPEG, PNG…) or is damaged.</source>
            <translation>Tệp đã chọn không phải là ảnh (JPEG, PNG…) hoặc đã hỏng.</translation>
        </message>
        <message>
            <source>not a picture</source>
            <translation>không phải ảnh</translation>
        </message>
    </context>
    <context>
        <name>services.reports</name>
        <message>
            <source>No unit chosen for the report (the database is not attached to any unit).</source>
            <translation>Chưa chọn đơn vị để lập báo cáo (cơ sở dữ liệu chưa gắn với đơn vị nào).</translation>
        </message>
        <message>
            <source>choose a unit</source>
            <translation>chọn đơn vị</translation>
        </message>
        <message>
            <source>There is no part «{part}» (use: {parts}).</source>
            <translation>Không có phần «{part}» (dùng: {parts}).</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>không hợp lệ</translation>
        </message>
        <message>
            <source>There is no indicator «{indicator}» in the rule in force on {date}.</source>
            <translation>Không có chỉ tiêu «{indicator}» trong quy định có hiệu lực ngày {date}.</translation>
        </message>
        <message>
            <source>The number of unit levels must be 1 or more.</source>
            <translation>Số cấp đơn vị phải từ 1 trở lên.</translation>
        </message>
        <message>
            <source>must be ≥ 1</source>
            <translation>phải ≥ 1</translation>
        </message>
    </context>
    <context>
        <name>services.rules</name>
        <message>
            <source>The rule file {name} is damaged: {error}</source>
            <translation>Tệp quy định {name} bị hỏng: {error}</translation>
        </message>
        <message>
            <source>«{where}» must be a group of parameters.</source>
            <translation>«{where}» phải là một nhóm tham số.</translation>
        </message>
        <message>
            <source>«{where}» lacks parameters: {missing}.</source>
            <translation>«{where}» thiếu tham số: {missing}.</translation>
        </message>
        <message>
            <source>«{where}» must be yes/no (true/false).</source>
            <translation>«{where}» phải là đúng/sai (true/false).</translation>
        </message>
        <message>
            <source>«{where}» must be a number.</source>
            <translation>«{where}» phải là một số.</translation>
        </message>
        <message>
            <source>«{where}» must not be negative.</source>
            <translation>«{where}» không được âm.</translation>
        </message>
        <message>
            <source>«{where}» must be a list.</source>
            <translation>«{where}» phải là một danh sách.</translation>
        </message>
        <message>
            <source>«{where}» must be text.</source>
            <translation>«{where}» phải là chữ.</translation>
        </message>
        <message>
            <source>Only an administrator may edit the rules.</source>
            <translation>Chỉ quản trị viên mới được sửa quy định.</translation>
        </message>
        <message>
            <source>There is no rule «{key}».</source>
            <translation>Không có quy định «{key}».</translation>
        </message>
        <message>
            <source>Enter the legal basis (document number and date) of the new version.</source>
            <translation>Ghi căn cứ pháp lý (số, ngày văn bản) của phiên bản mới.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>The end date must be after the start date.</source>
            <translation>Ngày hết hiệu lực phải sau ngày hiệu lực.</translation>
        </message>
        <message>
            <source>before the start date</source>
            <translation>trước ngày hiệu lực</translation>
        </message>
    </context>
    <context>
        <name>services.setup</name>
        <message>
            <source>The office code is missing.</source>
            <translation>Thiếu mã đơn vị.</translation>
        </message>
        <message>
            <source>The office name is missing.</source>
            <translation>Thiếu tên đơn vị.</translation>
        </message>
        <message>
            <source>The administrator's user name is missing.</source>
            <translation>Thiếu tên đăng nhập của quản trị viên.</translation>
        </message>
        <message>
            <source>The setup information is incomplete: {problems}</source>
            <translation>Thông tin khởi tạo chưa đủ: {problems}</translation>
        </message>
        <message>
            <source>This database has already been set up for an office; the command changed nothing. To start again, use a new file.</source>
            <translation>Cơ sở dữ liệu này đã được khởi tạo cho một đơn vị; lệnh không thay đổi gì. Muốn làm lại, hãy dùng một tệp mới.</translation>
        </message>
    </context>
    <context>
        <name>services.smoke</name>
        <message>
            <source>Program data files are missing: {files} (in {folder})</source>
            <translation>Thiếu tệp dữ liệu của chương trình: {files} (trong {folder})</translation>
        </message>
    </context>
    <context>
        <name>services.sync.ack</name>
        <message>
            <source>There is no such child unit.</source>
            <translation>Không có đơn vị cấp dưới này.</translation>
        </message>
        <message>
            <source>No data package from this unit has been imported yet: there is nothing to acknowledge.</source>
            <translation>Chưa nhập gói dữ liệu nào của đơn vị này: chưa có gì để xác nhận.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.conflicts</name>
        <message>
            <source>Same field changed</source>
            <translation>Xung đột cùng trường</translation>
        </message>
        <message>
            <source>Different fields (merged)</source>
            <translation>Khác trường (đã gộp)</translation>
        </message>
        <message>
            <source>Same CCCD: a transfer or a duplicate record?</source>
            <translation>Trùng CCCD: chuyển công tác hay trùng hồ sơ?</translation>
        </message>
        <message>
            <source>There is no table {table}.</source>
            <translation>Không có bảng {table}.</translation>
        </message>
        <message>
            <source>The table has no field “{field}”.</source>
            <translation>Trường “{field}” không có trong bảng.</translation>
        </message>
        <message>
            <source>not present</source>
            <translation>không có</translation>
        </message>
        <message>
            <source>The resolution must be keep mine, take the incoming one, or edit.</source>
            <translation>Cách xử lý phải là giữ bản của mình, lấy bản nhận về hoặc sửa.</translation>
        </message>
        <message>
            <source>This conflict was not found (it may have been resolved already).</source>
            <translation>Không thấy xung đột này (có thể đã được xử lý).</translation>
        </message>
        <message>
            <source>This conflict has already been resolved.</source>
            <translation>Xung đột này đã được xử lý.</translation>
        </message>
        <message>
            <source>The record of the conflict no longer exists.</source>
            <translation>Bản ghi của xung đột không còn.</translation>
        </message>
        <message>
            <source>No value has been entered to edit.</source>
            <translation>Chưa nhập giá trị nào để sửa.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.container</name>
        <message>
            <source>The package file is damaged or was not copied completely (the end is missing). Copy the file from the USB again, or ask the sender to export the package again, then import it again.</source>
            <translation>Tệp gói bị hỏng hoặc chép chưa hết (thiếu phần cuối). Hãy chép lại tệp từ USB, hoặc đề nghị nơi gửi xuất lại gói, rồi nhập lại.</translation>
        </message>
        <message>
            <source>This file is not a Cán bộ Desktop sync package (.cbpkg). Choose the right package file.</source>
            <translation>Tệp này không phải gói đồng bộ của Cán bộ Desktop (.cbpkg). Hãy chọn đúng tệp gói.</translation>
        </message>
        <message>
            <source>The package file has an unsafe structure (odd paths, extra parts or unusual compressed data), so it was refused and nothing was imported. Ask the sender to export the package again.</source>
            <translation>Tệp gói có cấu trúc không an toàn (đường dẫn lạ, thành phần thừa hoặc dữ liệu nén bất thường) nên đã bị từ chối, không có gì được nhập. Hãy đề nghị nơi gửi xuất lại gói.</translation>
        </message>
        <message>
            <source>The package file is larger than the size limit, so it was refused. Ask the sender to export the package for smaller units.</source>
            <translation>Tệp gói vượt quá giới hạn kích thước cho phép nên đã bị từ chối. Hãy đề nghị nơi gửi xuất gói theo từng đơn vị nhỏ hơn.</translation>
        </message>
        <message>
            <source>The package's signature does not match the registered key of the sending unit: the package may have been altered or made by someone else. Do not import it; contact the sending unit to check the key.</source>
            <translation>Chữ ký của gói không khớp với khoá đã đăng ký của đơn vị gửi: gói có thể đã bị sửa hoặc do người khác tạo. Không nhập gói này; hãy liên hệ đơn vị gửi để kiểm tra khoá.</translation>
        </message>
        <message>
            <source>The package comes from a unit that has not exchanged keys with this office. Import that unit's key package and compare the key fingerprint first, then import again.</source>
            <translation>Gói đến từ một đơn vị chưa được đăng ký trao đổi khoá với văn phòng này. Hãy nhập gói khoá của đơn vị đó và so dấu vân tay khoá trước, rồi nhập lại.</translation>
        </message>
        <message>
            <source>This package was sent to another unit, not to this office. Check the package file.</source>
            <translation>Gói này được gửi cho đơn vị khác, không phải cho văn phòng này. Hãy kiểm tra lại tệp gói.</translation>
        </message>
        <message>
            <source>The package was made by a newer version of Cán bộ Desktop than the one in use. Update the software, then import again.</source>
            <translation>Gói được tạo bởi phiên bản Cán bộ Desktop mới hơn phiên bản đang dùng. Hãy cập nhật phần mềm rồi nhập lại.</translation>
        </message>
        <message>
            <source>The package was altered or damaged while being copied (the data does not match its checksum). Nothing was imported. Copy the file again or ask the sender to export the package again.</source>
            <translation>Gói đã bị sửa đổi hoặc hỏng trong khi sao chép (dữ liệu không khớp mã kiểm tra). Không có gì được nhập. Hãy chép lại tệp hoặc đề nghị nơi gửi xuất lại gói.</translation>
        </message>
        <message>
            <source>The package cannot be decrypted with this office's key. The office may have changed its key after the sender received the old one: send the new key package to the sender.</source>
            <translation>Không giải mã được gói bằng khoá của văn phòng này. Có thể văn phòng đã đổi khoá sau khi nơi gửi nhận khoá cũ: hãy gửi lại gói khoá mới cho nơi gửi.</translation>
        </message>
        <message>
            <source>The package's description (manifest) is not valid. Ask the sender to export the package again.</source>
            <translation>Phần mô tả (manifest) của gói không hợp lệ. Hãy đề nghị nơi gửi xuất lại gói.</translation>
        </message>
        <message>
            <source>The package could not be written to the USB (the USB was removed, is full or is faulty). No package was made: plug the USB in again and export again.</source>
            <translation>Không ghi được gói ra USB (USB bị rút ra, bị đầy hoặc bị lỗi). Gói chưa được tạo: hãy cắm lại USB và xuất lại.</translation>
        </message>
        <message>
            <source>Temporary data on this computer could not be read or written (the disk is full or faulty). Free some disk space, then try again.</source>
            <translation>Không đọc/ghi được dữ liệu tạm trên máy này (ổ đĩa đầy hoặc lỗi). Hãy giải phóng ổ đĩa rồi thử lại.</translation>
        </message>
        <message>
            <source>Cancelled. No package file was made.</source>
            <translation>Đã huỷ. Không có tệp gói nào được tạo.</translation>
        </message>
        <message>
            <source>The package is too large (over {size} MB). Export it for smaller units.</source>
            <translation>Gói quá lớn (vượt {size} MB). Hãy xuất theo từng đơn vị nhỏ hơn.</translation>
        </message>
        <message>
            <source>The package file is empty (0 bytes): it may not have finished copying. Copy the package file again.</source>
            <translation>Tệp gói rỗng (0 byte): có thể chép chưa xong. Hãy chép lại tệp gói.</translation>
        </message>
        <message>
            <source>The package was signed with a key other than the registered key of the sending unit. Do not import it; contact the sending unit to compare the key fingerprint again.</source>
            <translation>Gói được ký bằng một khoá khác với khoá đã đăng ký của đơn vị gửi. Không nhập gói này; hãy liên hệ đơn vị gửi để so lại dấu vân tay khoá.</translation>
        </message>
        <message>
            <source>Package file not found: {path}</source>
            <translation>Không tìm thấy tệp gói: {path}</translation>
        </message>
        <message>
            <source>Cannot read the package file {name}: {error}.</source>
            <translation>Không đọc được tệp gói {name}: {error}.</translation>
        </message>
        <message>
            <source>The USB (or the target folder) is full, so the package could not be written. Delete some files or use another USB, then export again.</source>
            <translation>USB (hoặc thư mục đích) đã đầy nên không ghi được gói. Hãy xoá bớt tệp hoặc dùng USB khác rồi xuất lại.</translation>
        </message>
        <message>
            <source>The package's data folder was not found: {path}.</source>
            <translation>Không tìm thấy thư mục dữ liệu của gói: {path}.</translation>
        </message>
        <message>
            <source>The package's data folder contains a symbolic link: {name}.</source>
            <translation>Thư mục dữ liệu gói chứa liên kết tượng trưng: {name}.</translation>
        </message>
        <message>
            <source>File name not usable in a package: {name}</source>
            <translation>Tên tệp không dùng được trong gói: {name}</translation>
        </message>
        <message>
            <source>Invalid package file name: {name}.</source>
            <translation>Tên tệp gói không hợp lệ: {name}.</translation>
        </message>
        <message>
            <source>The folder or USB to write the package to was not found: {path}. Plug in the USB and choose where to save again.</source>
            <translation>Không tìm thấy thư mục hoặc USB để ghi gói: {path}. Hãy cắm USB và chọn lại nơi lưu.</translation>
        </message>
        <message>
            <source>The package written to the USB was wrong when read back for checking (the USB may be faulty). Use another USB and export again.</source>
            <translation>Gói ghi ra USB bị sai khi đọc lại để kiểm tra (USB có thể bị lỗi). Hãy dùng USB khác và xuất lại.</translation>
        </message>
        <message>
            <source>The package is for this office but was encrypted with another key of the office (perhaps an old one). Send the current key package to the sender and ask them to export again.</source>
            <translation>Gói gửi cho văn phòng này nhưng được mã hoá bằng một khoá khác của văn phòng (có thể là khoá cũ). Hãy gửi gói khoá hiện tại cho nơi gửi rồi đề nghị xuất lại.</translation>
        </message>
        <message>
            <source>This is a key package: import it with the key exchange function.</source>
            <translation>Đây là gói khoá: hãy nhập bằng chức năng trao đổi khoá.</translation>
        </message>
        <message>
            <source>This is not a key package: import it with the data package import function.</source>
            <translation>Đây không phải gói khoá: hãy nhập bằng chức năng nhập gói dữ liệu.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.export</name>
        <message>
            <source>Export cancelled; the database was not changed.</source>
            <translation>Đã huỷ xuất gói; cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>Folder “{folder}” not found: plug in the USB and choose where to write again.</source>
            <translation>Không thấy thư mục “{folder}”: hãy cắm USB và chọn lại nơi ghi.</translation>
        </message>
        <message>
            <source>Preparing the data…</source>
            <translation>Đang chuẩn bị dữ liệu…</translation>
        </message>
        <message>
            <source>Data packages are only sent up to the parent unit; down to child units only code lists (refdata) and acknowledgements are sent.</source>
            <translation>Gói dữ liệu chỉ gửi lên đơn vị cấp trên; xuống cấp dưới chỉ gửi danh mục (refdata) và xác nhận.</translation>
        </message>
        <message>
            <source>Copying all of the unit's data…</source>
            <translation>Đang chép toàn bộ dữ liệu của đơn vị…</translation>
        </message>
        <message>
            <source>Reading {table}…</source>
            <translation>Đang đọc {table}…</translation>
        </message>
        <message>
            <source>Signing, encrypting and writing the package to the USB…</source>
            <translation>Đang ký, mã hoá và ghi gói ra USB…</translation>
        </message>
        <message>
            <source>Writing the package to the USB…</source>
            <translation>Đang ghi gói ra USB…</translation>
        </message>
        <message>
            <source>Printing the receipt…</source>
            <translation>Đang in biên bản…</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Wrote package no. {seq} (full, {rows} records) to “{path}”. Read back and checksum verified: the USB can be removed safely.</source>
            <translation>Đã ghi gói số {seq} (đầy đủ, {rows} bản ghi) vào “{path}”. Đã đọc lại và kiểm tra mã băm: có thể rút USB an toàn.</translation>
        </message>
        <message>
            <source>Wrote package no. {seq} (changes, {rows} records) to “{path}”. Read back and checksum verified: the USB can be removed safely.</source>
            <translation>Đã ghi gói số {seq} (thay đổi, {rows} bản ghi) vào “{path}”. Đã đọc lại và kiểm tra mã băm: có thể rút USB an toàn.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.importer</name>
        <message>
            <source>Checking the package file…</source>
            <translation>Đang kiểm tra tệp gói…</translation>
        </message>
        <message>
            <source>File structure, signature of the sending unit</source>
            <translation>Cấu trúc tệp, chữ ký của đơn vị gửi</translation>
        </message>
        <message>
            <source>Package file structure valid, size within the limit</source>
            <translation>Cấu trúc tệp gói hợp lệ, kích thước trong giới hạn</translation>
        </message>
        <message>
            <source>Signature of {unit} verified (key {key})</source>
            <translation>Chữ ký của {unit} đã xác minh (khoá {key})</translation>
        </message>
        <message>
            <source>Package sent to this unit</source>
            <translation>Gói gửi cho đơn vị này</translation>
        </message>
        <message>
            <source>Package sent to this unit; data version supported</source>
            <translation>Gói gửi cho đơn vị này; phiên bản dữ liệu được hỗ trợ</translation>
        </message>
        <message>
            <source>Data packages are only accepted from registered child units.</source>
            <translation>Gói dữ liệu chỉ nhận từ đơn vị cấp dưới đã đăng ký.</translation>
        </message>
        <message>
            <source>Unit relation</source>
            <translation>Quan hệ đơn vị</translation>
        </message>
        <message>
            <source>Acknowledgement and code list packages are only accepted from the parent unit.</source>
            <translation>Gói xác nhận và danh mục chỉ nhận từ đơn vị cấp trên.</translation>
        </message>
        <message>
            <source>Packages of type “{kind}” are not imported here.</source>
            <translation>Loại gói “{kind}” không nhập ở đây.</translation>
        </message>
        <message>
            <source>Package type</source>
            <translation>Loại gói</translation>
        </message>
        <message>
            <source>Package order (no gap, no repeat)</source>
            <translation>Thứ tự gói (liền mạch, không trùng)</translation>
        </message>
        <message>
            <source>Package no. {seq} follows package no. {last} without a gap</source>
            <translation>Gói số {seq} liền mạch sau gói số {last}</translation>
        </message>
        <message>
            <source>Package no. {seq} valid in the sequence</source>
            <translation>Gói số {seq} hợp lệ trong chuỗi</translation>
        </message>
        <message>
            <source>Decrypting into a temporary folder on this computer…</source>
            <translation>Đang giải mã vào thư mục tạm trên máy…</translation>
        </message>
        <message>
            <source>Decryption and checksum check</source>
            <translation>Giải mã và kiểm tra mã băm</translation>
        </message>
        <message>
            <source>Decrypted into a temporary folder on this computer; checksums match</source>
            <translation>Đã giải mã vào thư mục tạm trên máy này; mã băm khớp</translation>
        </message>
        <message>
            <source>Package contents match the manifest</source>
            <translation>Nội dung gói khớp với bản kê</translation>
        </message>
        <message>
            <source>Record counts of each table match the package manifest</source>
            <translation>Số bản ghi từng bảng khớp với bản kê của gói</translation>
        </message>
        <message>
            <source>Backing up the database before importing…</source>
            <translation>Đang sao lưu cơ sở dữ liệu trước khi nhập…</translation>
        </message>
        <message>
            <source>{message} The database was not changed.</source>
            <translation>{message} Cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <source>The data in the package conflicts with the data here (duplicate keys or missing related records); everything was cancelled, the database was not changed.</source>
            <translation>Dữ liệu trong gói mâu thuẫn với dữ liệu ở đây (trùng khoá hoặc thiếu bản ghi liên quan); đã huỷ toàn bộ, cơ sở dữ liệu không thay đổi.</translation>
        </message>
        <message>
            <source>Applied in one transaction; count and foreign key checks passed</source>
            <translation>Đã áp dụng trong một giao dịch; kiểm tra số lượng và khoá ngoại đạt</translation>
        </message>
        <message>
            <source>Writing the acknowledgement package…</source>
            <translation>Đang ghi gói xác nhận…</translation>
        </message>
        <message>
            <source>Write the acknowledgement package</source>
            <translation>Ghi gói xác nhận</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Write the missing acknowledgement package again</source>
            <translation>Ghi lại gói xác nhận còn thiếu</translation>
        </message>
        <message>
            <source>The acknowledgement of the previous import had not been written: written now</source>
            <translation>Gói xác nhận của lần nhập trước chưa được ghi: đã ghi lại</translation>
        </message>
        <message>
            <source>Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, {rejected} rejected, {conflicts} conflicts ({hard} to resolve, {soft} different fields, {cccd} same CCCD).</source>
            <translation>Bản ghi: {new} mới, {changed} thay đổi, {deleted} xoá, {unchanged} không đổi, {rejected} bị từ chối, {conflicts} xung đột ({hard} cần xử lý, {soft} khác trường, {cccd} trùng CCCD).</translation>
        </message>
        <message>
            <source>Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, {rejected} rejected.</source>
            <translation>Bản ghi: {new} mới, {changed} thay đổi, {deleted} xoá, {unchanged} không đổi, {rejected} bị từ chối.</translation>
        </message>
        <message>
            <source>Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, {conflicts} conflicts ({hard} to resolve, {soft} different fields, {cccd} same CCCD).</source>
            <translation>Bản ghi: {new} mới, {changed} thay đổi, {deleted} xoá, {unchanged} không đổi, {conflicts} xung đột ({hard} cần xử lý, {soft} khác trường, {cccd} trùng CCCD).</translation>
        </message>
        <message>
            <source>Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged.</source>
            <translation>Bản ghi: {new} mới, {changed} thay đổi, {deleted} xoá, {unchanged} không đổi.</translation>
        </message>
        <message>
            <source>The package lacks the data of table {table} listed in its manifest. Nothing was imported.</source>
            <translation>Gói thiếu dữ liệu bảng {table} mà bản kê có ghi. Không nhập gì.</translation>
        </message>
        <message>
            <source>Writing {table}…</source>
            <translation>Đang ghi {table}…</translation>
        </message>
        <message>
            <source>Comparing {table}…</source>
            <translation>Đang so sánh {table}…</translation>
        </message>
        <message>
            <source>This table is not sent in this direction.</source>
            <translation>Bảng này không được gửi theo chiều này.</translation>
        </message>
        <message>
            <source>Table {table}: the package lists {expected} rows but has {lines}. Nothing was imported.</source>
            <translation>Bảng {table}: gói ghi {expected} dòng nhưng có {lines}. Không nhập gì.</translation>
        </message>
        <message>
            <source>Table {table} in the package lacks required columns. Nothing was imported.</source>
            <translation>Bảng {table} trong gói thiếu cột bắt buộc. Không nhập gì.</translation>
        </message>
        <message>
            <source>The record belongs to a unit outside the sending unit’s scope.</source>
            <translation>Bản ghi thuộc đơn vị ngoài phạm vi của đơn vị gửi.</translation>
        </message>
        <message>
            <source>Table {table} in the package has rows without an id. Nothing was imported.</source>
            <translation>Bảng {table} trong gói có dòng không có mã. Không nhập gì.</translation>
        </message>
        <message>
            <source>The acknowledgement package has no valid contents.</source>
            <translation>Gói xác nhận không có nội dung hợp lệ.</translation>
        </message>
        <message>
            <source>Package contents</source>
            <translation>Nội dung gói</translation>
        </message>
        <message>
            <source>Acknowledgement package contents valid</source>
            <translation>Nội dung gói xác nhận hợp lệ</translation>
        </message>
        <message>
            <source>The package acknowledges {count} sent packages.</source>
            <translation>Gói xác nhận {count} gói đã gửi.</translation>
        </message>
        <message>
            <source>The parent unit acknowledged {count} packages; the records up to mark {mark} are synchronised.</source>
            <translation>Cấp trên đã xác nhận {count} gói; các bản ghi đến mốc {mark} đã đồng bộ.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.keys</name>
        <message>
            <source>Wrong sync key passphrase, or the saved key is damaged. Type the passphrase again (mind capital letters and Vietnamese accents); if it still does not work, restore the key from the backup.</source>
            <translation>Sai cụm mật khẩu khoá đồng bộ, hoặc khoá đã lưu bị hỏng. Hãy gõ lại cụm mật khẩu (chú ý chữ hoa, dấu tiếng Việt); nếu vẫn không được, hãy khôi phục khoá từ bản sao lưu.</translation>
        </message>
        <message>
            <source>The saved sync key is damaged and cannot be read. Restore the key from the backup or create a new key.</source>
            <translation>Khoá đồng bộ đã lưu bị hỏng, không đọc được. Hãy khôi phục khoá từ bản sao lưu hoặc tạo khoá mới.</translation>
        </message>
        <message>
            <source>The sync key passphrase must not be empty.</source>
            <translation>Cụm mật khẩu khoá đồng bộ không được để trống.</translation>
        </message>
        <message>
            <source>This office has no sync key yet. Go to Sync → Keys to create one first.</source>
            <translation>Văn phòng này chưa có khoá đồng bộ. Hãy vào Đồng bộ → Khoá để tạo khoá trước.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.payload</name>
        <message>
            <source>The package has an invalid data line ({file}, line {line}): {error}. Nothing was imported.</source>
            <translation>Gói có dòng dữ liệu không hợp lệ ({file}, dòng {line}): {error}. Không nhập gì.</translation>
        </message>
        <message>
            <source>The package has an attachment with an invalid name. Nothing was imported.</source>
            <translation>Gói có tệp đính kèm mang tên không hợp lệ. Không nhập gì.</translation>
        </message>
        <message>
            <source>The package is missing attachment {sha}…. Nothing was imported.</source>
            <translation>Gói thiếu tệp đính kèm {sha}…. Không nhập gì.</translation>
        </message>
        <message>
            <source>Attachment {sha}… does not match its checksum. Nothing was imported.</source>
            <translation>Tệp đính kèm {sha}… không khớp mã băm. Không nhập gì.</translation>
        </message>
        <message>
            <source>The file {name} in the package is not valid. Nothing was imported.</source>
            <translation>Tệp {name} trong gói không hợp lệ. Không nhập gì.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.peers</name>
        <message>
            <source>The database has not been set up for a unit: set it up before syncing.</source>
            <translation>Cơ sở dữ liệu chưa được khởi tạo cho một đơn vị: hãy khởi tạo trước khi đồng bộ.</translation>
        </message>
        <message>
            <source>The sync key passphrase must have at least 8 characters.</source>
            <translation>Cụm mật khẩu khoá đồng bộ phải có ít nhất 8 ký tự.</translation>
        </message>
        <message>
            <source>too short</source>
            <translation>quá ngắn</translation>
        </message>
        <message>
            <source>The unit already has a sync key. A new key would make the other units not recognise its packages; if it is really needed, choose “replace the key” and send the key package to the parent unit again.</source>
            <translation>Đơn vị đã có khoá đồng bộ. Tạo khoá mới sẽ làm các đơn vị khác không nhận ra gói của mình; nếu thật sự cần, hãy chọn “thay khoá” và gửi lại gói khoá cho cấp trên.</translation>
        </message>
        <message>
            <source>The relation must be parent, child or recovery.</source>
            <translation>Quan hệ phải là cấp trên (parent), cấp dưới (child) hoặc khoá khôi phục (recovery).</translation>
        </message>
        <message>
            <source>This is this unit's own key package, not another unit's.</source>
            <translation>Đây là gói khoá của chính đơn vị này, không phải của đơn vị khác.</translation>
        </message>
        <message>
            <source>The key package does not give the unit's identifier: export the key package again with the new version.</source>
            <translation>Gói khoá không ghi mã định danh đơn vị: hãy xuất lại gói khoá bằng phiên bản mới.</translation>
        </message>
        <message>
            <source>A unit with code {code} (“{name}”) already exists here but is a different record from the unit that sent the key package. It was not registered, so as not to split one unit's records in two. Contact the administrator.</source>
            <translation>Ở đây đã có đơn vị mã {code} (“{name}”) nhưng là một bản ghi khác với đơn vị gửi gói khoá. Không đăng ký để tránh tách hồ sơ của một đơn vị làm hai. Hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>This office's own unit cannot be registered as a child unit.</source>
            <translation>Không thể đăng ký đơn vị của chính mình làm cấp dưới.</translation>
        </message>
        <message>
            <source>There is no such sync unit.</source>
            <translation>Không có đơn vị đồng bộ này.</translation>
        </message>
        <message>
            <source>There is no sync unit “{unit}”. Import that unit's key package first.</source>
            <translation>Không có đơn vị đồng bộ “{unit}”. Hãy nhập gói khoá của đơn vị đó trước.</translation>
        </message>
        <message>
            <source>No parent unit is registered: import the parent unit's key package (Sync → Set-up).</source>
            <translation>Chưa đăng ký đơn vị cấp trên: hãy nhập gói khoá của cấp trên (Đồng bộ → Thiết lập).</translation>
        </message>
        <message>
            <source>The recovery key passphrase must have at least 12 characters.</source>
            <translation>Cụm mật khẩu của khoá khôi phục phải có ít nhất 12 ký tự.</translation>
        </message>
    </context>
    <context>
        <name>services.sync.refdata</name>
        <message>
            <source>A reference data package is sent only down to a child unit.</source>
            <translation>Gói danh mục chỉ gửi xuống đơn vị cấp dưới.</translation>
        </message>
        <message>
            <source>Wrote reference data package no. {seq} ({rows} records) to “{path}”.</source>
            <translation>Đã ghi gói danh mục số {seq} ({rows} bản ghi) vào “{path}”.</translation>
        </message>
    </context>
    <context>
        <name>services.training</name>
        <message>
            <source>Only an officer, the head of office or an administrator may update training.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được cập nhật đào tạo, bồi dưỡng.</translation>
        </message>
        <message>
            <source>Enter the name of the training course.</source>
            <translation>Nhập tên khoá đào tạo, bồi dưỡng.</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
        </message>
        <message>
            <source>Choose the kind of training.</source>
            <translation>Chọn loại đào tạo, bồi dưỡng.</translation>
        </message>
        <message>
            <source>The level «{level}» does not belong to the kind «{kind}».</source>
            <translation>Trình độ «{level}» không thuộc loại «{kind}».</translation>
        </message>
        <message>
            <source>The certificate «{certificate}» states the level «{stated}», not the chosen level «{chosen}».</source>
            <translation>Văn bằng «{certificate}» ghi trình độ «{stated}», khác trình độ đã chọn «{chosen}».</translation>
        </message>
        <message>
            <source>The course could not be created: {problems}</source>
            <translation>Chưa tạo được khoá học: {problems}</translation>
        </message>
        <message>
            <source>You may not view the course «{name}»: its people all belong to other units, outside your scope ({scope}).</source>
            <translation>Bạn không có quyền xem khoá «{name}»: người học đều thuộc đơn vị khác, ngoài phạm vi của anh/chị ({scope}).</translation>
        </message>
        <message>
            <source>You may not view the course «{name}»: its people all belong to other units.</source>
            <translation>Bạn không có quyền xem khoá «{name}»: người học đều thuộc đơn vị khác.</translation>
        </message>
        <message>
            <source>No people chosen.</source>
            <translation>Chưa chọn người học.</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>trống</translation>
        </message>
        <message>
            <source>Already in the course: {names}.</source>
            <translation>Đã có trong khoá học: {names}.</translation>
        </message>
        <message>
            <source>already there</source>
            <translation>đã có</translation>
        </message>
        <message>
            <source>Enter the completion date.</source>
            <translation>Nhập ngày hoàn thành.</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>This training line belongs to no course: edit it in the person's record.</source>
            <translation>Dòng đào tạo này không thuộc khoá học nào: sửa trong hồ sơ cán bộ.</translation>
        </message>
        <message>
            <source>The completion date is before the start of the course «{name}».</source>
            <translation>Ngày hoàn thành trước ngày khai giảng khoá «{name}».</translation>
        </message>
        <message>
            <source>before the start date</source>
            <translation>trước ngày bắt đầu</translation>
        </message>
        <message>
            <source>This person has completed the course: they cannot be withdrawn.</source>
            <translation>Người này đã hoàn thành khoá học: không rút tên được.</translation>
        </message>
    </context>
    <context>
        <name>services.votes</name>
        <message>
            <source>Only an officer, the head of office or an administrator may record the results of a confidence vote.</source>
            <translation>Chỉ chuyên viên, lãnh đạo phòng hoặc quản trị viên được ghi kết quả lấy phiếu tín nhiệm.</translation>
        </message>
        <message>
            <source>Enter the date of the vote.</source>
            <translation>Nhập ngày lấy phiếu.</translation>
        </message>
        <message>
            <source>The vote results could not be saved: {problems}</source>
            <translation>Kết quả lấy phiếu chưa lưu được: {problems}</translation>
        </message>
        <message>
            <source>{present}/{convened} convened people present (minimum {minimum}); nobody is subject to the vote.</source>
            <translation>Có mặt {present}/{convened} người được triệu tập (tối thiểu {minimum}); không ai thuộc diện lấy phiếu.</translation>
        </message>
    </context>
</TS>