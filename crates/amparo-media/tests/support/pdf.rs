//! PDFs written by hand, object by object, so each test controls exactly
//! what the file says: its pages' text (Helvetica, WinAnsi), what its
//! catalog and trailer carry, and the page count its tree declares.

/// How a test PDF is made.
#[derive(Default)]
pub struct PdfSpec<'a> {
    /// One page per entry, each line of text drawn 16 pt apart.
    pub pages: Vec<Vec<&'a str>>,
    /// Written inside the catalog dictionary.
    pub catalog_extra: &'a str,
    /// Written inside the trailer dictionary.
    pub trailer_extra: &'a str,
    /// The page tree's `/Count`, when it should lie.
    pub declared_count: Option<u64>,
    /// Extra objects, numbered after the pages' objects.
    pub objects: Vec<String>,
}

/// The bytes of the PDF `spec` describes, with a correct cross-reference
/// table.
pub fn pdf(spec: &PdfSpec<'_>) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    let pages = spec.pages.len();
    // 1 catalog, 2 page tree, 3 font, then page and content pairs.
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push(format!(
        "<< /Type /Catalog /Pages 2 0 R {} >>",
        spec.catalog_extra
    ));
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        spec.declared_count.unwrap_or(pages as u64)
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, lines) in spec.pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let mut content = String::from("BT /F1 12 Tf 72 720 Td 16 TL\n");
        for line in lines {
            content.push_str(&format!("({}) Tj T*\n", escape(line)));
        }
        content.push_str("ET");
        objects.push(format!(
            "<< /Length {} >>\nstream\n{}\nendstream",
            content.len(),
            content
        ));
    }
    objects.extend(spec.objects.iter().cloned());
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, body).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {} >>\nstartxref\n{}\n%%EOF\n",
            objects.len() + 1,
            spec.trailer_extra,
            xref
        )
        .as_bytes(),
    );
    out
}

/// `text` as a PDF literal string's content, in WinAnsi (Latin-1 here).
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if (c as u32) < 0x80 => c.to_string(),
            c => format!("\\{:03o}", c as u32),
        })
        .collect()
}

/// A one-page letter PDF that is only a picture: a scan, as a copier or
/// a phone's scanning app makes it (an RGB JPEG `width` x `height`
/// pixels drawn over the whole page), with no text of its own.
pub fn scanned_pdf(jpeg: &[u8], width: u32, height: u32) -> Vec<u8> {
    let content = b"q 612 0 0 792 0 0 cm /Im1 Do Q";
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
    ];
    let mut image = format!(
        "<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
        jpeg.len()
    )
    .into_bytes();
    image.extend_from_slice(jpeg);
    image.extend_from_slice(b"\nendstream");
    objects.push(image);
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A letter page with `lines` as a phone photographs it: typeset, rendered
/// at 300 dpi by Amparo's own renderer, reduced to 200 dpi, turned a
/// quarter when the phone was held `sideways`, saved as a JPEG; with its
/// width and height in pixels.
pub fn photo_of_page(lines: &[&str], sideways: bool) -> (Vec<u8>, u32, u32) {
    let page = pdf(&PdfSpec {
        pages: vec![lines.to_vec()],
        ..PdfSpec::default()
    });
    let png = amparo_media::pdf_page_png(&page, 0).expect("render");
    let picture = image::load_from_memory(&png).expect("png").to_rgb8();
    let picture = image::imageops::resize(
        &picture,
        picture.width() * 2 / 3,
        picture.height() * 2 / 3,
        image::imageops::FilterType::Triangle,
    );
    let picture = if sideways {
        image::imageops::rotate90(&picture)
    } else {
        picture
    };
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture.clone())
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .expect("jpeg");
    (jpeg.into_inner(), picture.width(), picture.height())
}
