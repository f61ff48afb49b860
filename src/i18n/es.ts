import { en, type GalleryStrings } from './en.js';

/**
 * The Spanish texts, in the order of the English table's keys (`en`): written as one string split at
 * `|`, the bundle carries neither every key a second time nor quotes around each text.
 * tests/gallery-text.test.ts checks that the two match.
 */
const texts = (
  'Testimonios|' + // label
  'carrusel|' + // carousel
  'diapositiva|' + // slide
  '{index} de {count}|' + // slideLabel
  'Testimonio anterior|' + // previous
  'Testimonio siguiente|' + // next
  'Elegir un testimonio|' + // picker
  'Testimonio {index}|' + // pickerItem
  '{index} / {count}|' + // counter
  'Iniciar la presentación automática|' + // startRotation
  'Detener la presentación automática|' + // stopRotation
  'Leer más|' + // readMore
  'Cerrar|' + // close
  'Cargando testimonios…|' + // loading
  'Reintentar|' + // retry
  'No hay testimonios para mostrar.|' + // noSource
  'Este feed todavía no tiene testimonios para mostrar.|' + // empty
  'Esta galería no tiene una dirección de feed válida (src).|' + // errorSrc
  'No se pudieron cargar los testimonios: la red no respondió.|' + // errorNetwork
  'Los testimonios tardaron demasiado en cargar.|' + // errorTimeout
  'No se pudieron cargar los testimonios (error HTTP {status}).|' + // errorHttp
  'El archivo de testimonios no es JSON válido.|' + // errorParse
  'El archivo de testimonios no tiene el formato esperado.|' + // errorSchema
  'El archivo de testimonios es demasiado grande para cargarlo.|' + // errorTooLarge
  'Foto no disponible|' + // imageError
  'Compartir|' + // share
  'Compartir…|' + // shareNative
  'Compartir en {network}|' + // shareOn
  'Compartir por correo|' + // shareEmail
  'Copiar enlace|' + // copyLink
  'Enlace copiado|' + // linkCopied
  'Copiá este enlace:|' + // copyFailed
  'Descargar tarjeta|' + // downloadCard
  'Mandanos tu foto diciendo por qué sos #{hashtag}'
) // submit
  .split('|');

export const es = Object.fromEntries(Object.keys(en).map((key, i) => [key, texts[i]])) as GalleryStrings;
